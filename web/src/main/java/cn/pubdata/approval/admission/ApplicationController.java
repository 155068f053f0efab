package cn.pubdata.approval.admission;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    record Withdrawal(String reason) {
    }

    record Objection(String filerName, String filerContact, String content) {
    }

    private final AdmissionSubmission submission;
    private final AdmissionApplications applications;
    private final AdmissionProgress progress;

    ApplicationController(AdmissionSubmission submission, AdmissionApplications applications, AdmissionProgress progress) {
        this.submission = submission;
        this.applications = applications;
        this.progress = progress;
    }

    @PostMapping
    ResponseEntity<ApplicationView> submit(@RequestBody ApplicationForm form) {
        AdmissionApplication application = submission.submit(form);
        return ResponseEntity.created(URI.create("/api/applications/" + application.getId())).body(ApplicationView.of(application));
    }

    @GetMapping
    List<ApplicationView> ofOperator(@RequestParam String creditCode) {
        return applications.ofOperator(creditCode).stream().map(ApplicationView::of).toList();
    }

    @GetMapping("/{id}")
    ApplicationView one(@PathVariable long id) {
        return ApplicationView.of(applications.get(id));
    }

    /** Status, what is due by when in working days, what the operator must do now, and the timeline. */
    @GetMapping("/{id}/progress")
    AdmissionProgress.Progress progress(@PathVariable long id) {
        return progress.of(id);
    }

    @PostMapping("/{id}/supplement")
    ApplicationView supplement(@PathVariable long id, @RequestBody ApplicationForm form) {
        return ApplicationView.of(submission.supplement(id, form));
    }

    @PostMapping("/{id}/withdraw")
    ApplicationView withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal) {
        submission.withdraw(id, withdrawal.reason());
        return ApplicationView.of(applications.get(id));
    }

    @PostMapping("/{id}/objections")
    ResponseEntity<Map<String, Object>> object(@PathVariable long id, @RequestBody Objection objection) {
        long objectionId = submission.object(id, objection.filerName(), objection.filerContact(), objection.content());
        return ResponseEntity.status(201).body(Map.of("objectionId", objectionId, "message", "异议已受理，将在签订协议前核查处理"));
    }
}
