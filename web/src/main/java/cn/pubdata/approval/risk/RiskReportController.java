package cn.pubdata.approval.risk;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Risks an operator finds while handling data requests, reported at once and assessed by the authority. */
@RestController
@RequestMapping("/api/risk-reports")
class RiskReportController {

    private final RiskReportSubmission submission;
    private final RiskReports reports;
    private final RiskReportProgress progress;
    private final CurrentUser user;

    RiskReportController(
            RiskReportSubmission submission, RiskReports reports, RiskReportProgress progress, CurrentUser user) {
        this.submission = submission;
        this.reports = reports;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<RiskReport> report(@RequestBody RiskReportForm form) {
        RiskReport report = submission.report(form, user.actor());
        return ResponseEntity.created(URI.create("/api/risk-reports/" + report.getId()))
                .body(reports.get(report.getId()));
    }

    @GetMapping
    List<RiskReport> list(@RequestParam(required = false) String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明运营机构的统一社会信用代码");
        }
        return reports.ofOperator(company);
    }

    record FullReportRequest(String fullReport) {}

    /** The operator's full report after the first one. */
    @PostMapping("/{id}/full-report")
    RiskReport fullReport(@PathVariable long id, @RequestBody FullReportRequest request) {
        return submission.fileFullReport(id, request == null ? null : request.fullReport(), user.actor());
    }

    @GetMapping("/{id}/progress")
    RiskReportProgress.Progress progress(@PathVariable long id) {
        user.requireOwn(reports.get(id).getCreditCode(), "风险报告 " + id + " 不存在");
        return progress.of(id);
    }
}
