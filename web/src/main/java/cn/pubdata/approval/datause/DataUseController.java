package cn.pubdata.approval.datause;

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

/** 数据需求申请 under an approved scenario: submit, follow, withdraw. */
@RestController
@RequestMapping("/api/data-use-requests")
class DataUseController {

    record Withdrawal(String reason) {}

    private final DataUseSubmission submission;
    private final DataUses dataUses;
    private final DataUseProgress progress;
    private final CurrentUser user;

    DataUseController(DataUseSubmission submission, DataUses dataUses, DataUseProgress progress, CurrentUser user) {
        this.submission = submission;
        this.dataUses = dataUses;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<DataUseRequest> submit(@RequestBody DataUseForm form) {
        DataUseRequest request = submission.submit(form, user.actor());
        return ResponseEntity.created(URI.create("/api/data-use-requests/" + request.getId()))
                .body(dataUses.get(request.getId()));
    }

    @GetMapping
    List<DataUseRequest> list(@RequestParam(required = false) String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明运营机构的统一社会信用代码");
        }
        return dataUses.ofOperator(company);
    }

    @GetMapping("/{id}/progress")
    DataUseProgress.Progress progress(@PathVariable long id) {
        visible(id);
        return progress.of(id);
    }

    @PostMapping("/{id}/withdraw")
    DataUseRequest withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal) {
        visible(id);
        submission.withdraw(id, withdrawal == null ? null : withdrawal.reason(), user.actor());
        return dataUses.get(id);
    }

    private void visible(long id) {
        user.requireOwn(dataUses.get(id).getCreditCode(), "数据需求申请 " + id + " 不存在");
    }
}
