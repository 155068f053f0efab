package cn.pubdata.approval.notification;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inbox")
class InboxController {

    private final Notifications notifications;

    InboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** An operator's inbox ({@code ?creditCode=}) or a group's ({@code ?group=}). */
    @GetMapping
    List<Notice> inbox(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String group) {
        if (creditCode != null && !creditCode.isBlank()) {
            return notifications.inbox(Notifications.operator(creditCode));
        }
        if (group != null && !group.isBlank()) {
            return notifications.inbox(Notifications.group(group));
        }
        throw cn.pubdata.approval.common.Problem.invalid("creditCode", "请指明信箱：creditCode（申请单位）或 group（审查部门）");
    }
}
