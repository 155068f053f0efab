package cn.pubdata.approval.risk;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SEC-06: the operator's drills and risk assessments; the operators without a drill in the set months. */
@RestController
@RequestMapping("/api/security/exercises")
class SecurityExerciseController {

    private final SecurityExercises exercises;
    private final CurrentUser user;

    SecurityExerciseController(SecurityExercises exercises, CurrentUser user) {
        this.exercises = exercises;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<SecurityExercises.Exercise> record(@RequestBody SecurityExercises.ExerciseForm form) {
        return ResponseEntity.status(201).body(exercises.record(form, user.actor()));
    }

    /** The operator's own; a reviewer or the auditor names the operator. */
    @GetMapping
    List<SecurityExercises.Exercise> list(@RequestParam(required = false) String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明运营机构的统一社会信用代码");
        }
        return exercises.ofOperator(company);
    }

    @GetMapping("/overdue")
    List<SecurityExercises.Overdue> overdue(@RequestParam String jurisdiction) {
        return exercises.withoutDrill(jurisdiction);
    }
}
