package cn.pubdata.approval.admission;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
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

    record Withdrawal(String reason) {}

    record Objection(String filerName, String filerContact, String content) {}

    private final AdmissionSubmission submission;
    private final AdmissionApplications applications;
    private final AdmissionProgress progress;
    private final CurrentUser user;

    ApplicationController(
            AdmissionSubmission submission,
            AdmissionApplications applications,
            AdmissionProgress progress,
            CurrentUser user) {
        this.submission = submission;
        this.applications = applications;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<ApplicationView> submit(@RequestBody ApplicationForm form) {
        requireOwnCompany(form);
        AdmissionApplication application = submission.submit(form);
        return ResponseEntity.created(URI.create("/api/applications/" + application.getId()))
                .body(ApplicationView.of(application));
    }

    /** An operator's own applications; a reviewer names the company. */
    @GetMapping
    List<ApplicationView> ofOperator(@RequestParam(required = false) String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明申请单位的统一社会信用代码");
        }
        return applications.ofOperator(company).stream()
                .map(ApplicationView::of)
                .toList();
    }

    @GetMapping("/{id}")
    ApplicationView one(@PathVariable long id) {
        return ApplicationView.of(visible(id));
    }

    /** Status, what is due by when in working days, what the operator must do now, and the timeline. */
    @GetMapping("/{id}/progress")
    AdmissionProgress.Progress progress(@PathVariable long id) {
        visible(id);
        return progress.of(id);
    }

    @PostMapping("/{id}/supplement")
    ApplicationView supplement(@PathVariable long id, @RequestBody ApplicationForm form) {
        visible(id);
        requireOwnCompany(form);
        return ApplicationView.of(submission.supplement(id, form));
    }

    @PostMapping("/{id}/withdraw")
    ApplicationView withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal) {
        visible(id);
        submission.withdraw(id, withdrawal == null ? null : withdrawal.reason());
        return ApplicationView.of(applications.get(id));
    }

    private AdmissionApplication visible(long id) {
        AdmissionApplication application = applications.get(id);
        user.requireOwn(application.getCreditCode(), "准入申请 " + id + " 不存在");
        return application;
    }

    /** The applicant is the caller's company: its credit code and its name come from the caller's identity. */
    private void requireOwnCompany(ApplicationForm form) {
        if (form != null
                && form.companyName() != null
                && user.companyName() != null
                && !form.companyName().trim().equals(user.companyName())) {
            throw Problem.invalid("companyName", "单位名称与登录单位（" + user.companyName() + "）不一致：只能以本单位名义申请");
        }
        if (form != null && form.creditCode() != null && !form.creditCode().equals(user.creditCode())) {
            throw Problem.invalid("creditCode", "统一社会信用代码与登录单位（" + user.creditCode() + "）不一致：只能以本单位名义申请");
        }
    }

    @PostMapping("/{id}/objections")
    ResponseEntity<Map<String, Object>> object(@PathVariable long id, @RequestBody Objection objection) {
        long objectionId = submission.object(id, objection.filerName(), objection.filerContact(), objection.content());
        return ResponseEntity.status(201).body(Map.of("objectionId", objectionId, "message", "异议已受理，将在签订协议前核查处理"));
    }
}
