package cn.pubdata.approval.officialnotice;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Official notices under their document numbers (文号), as the portal lists and prints them: an operator reads its own,
 * the reviewers and the auditor those of a case.
 */
@RestController
@RequestMapping("/api/notices")
class OfficialNoticeController {

    private final OfficialNotices notices;
    private final CurrentUser user;

    OfficialNoticeController(OfficialNotices notices, CurrentUser user) {
        this.notices = notices;
        this.user = user;
    }

    /** The operator's notices, newest first; for a reviewer those of one case (ADM-1, RCT-2 …). */
    @GetMapping
    List<OfficialNotice> list(@RequestParam(required = false) String subject) {
        if (user.isOperator()) {
            String own = user.creditCode();
            return notices.ofCompany(own).stream()
                    .filter(n -> subject == null || n.subject().equals(subject))
                    .toList();
        }
        if (subject == null || subject.isBlank()) {
            throw Problem.invalid("subject", "请指定案件编号（如 ADM-1）以查看其正式通知");
        }
        return notices.ofSubject(subject.trim());
    }

    /** One notice with everything its printed form shows. */
    @GetMapping("/{id}")
    OfficialNotice get(@PathVariable long id) {
        String missing = "没有编号为 " + id + " 的正式通知";
        OfficialNotice notice = notices.get(id).orElseThrow(() -> Problem.notFound(missing));
        user.requireOwn(notice.creditCode(), missing);
        return notice;
    }
}
