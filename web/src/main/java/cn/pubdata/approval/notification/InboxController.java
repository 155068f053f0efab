package cn.pubdata.approval.notification;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inbox")
class InboxController {

    private final Notifications notifications;
    private final CurrentUser user;

    InboxController(Notifications notifications, CurrentUser user) {
        this.notifications = notifications;
        this.user = user;
    }

    /** An operator's company inbox, or ({@code ?group=}) the inbox of one of the reviewer's own units. */
    @GetMapping
    List<Notice> inbox(@RequestParam(required = false) String group) {
        if (user.isOperator()) {
            return notifications.inbox(Notifications.operator(user.creditCode()));
        }
        if (group == null || group.isBlank()) {
            throw Problem.invalid("group", "请指明要查看的部门信箱，可选：" + String.join("、", user.groups()));
        }
        if (!user.groups().contains(group)) {
            throw Problem.notFound("信箱 " + group + " 不存在");
        }
        return notifications.inbox(Notifications.group(group));
    }

    /** The number shown in the header: unread notices of the caller's company, or of all the reviewer's units. */
    @GetMapping("/unread-count")
    Map<String, Integer> unread() {
        return Map.of("unread", notifications.unread(inboxes()));
    }

    @PostMapping("/{id}/read")
    Map<String, String> read(@PathVariable long id) {
        if (!notifications.markRead(id, inboxes())) {
            throw Problem.notFound("通知 " + id + " 不存在");
        }
        return Map.of("message", "已读");
    }

    private List<String> inboxes() {
        return user.isOperator()
                ? List.of(Notifications.operator(user.creditCode()))
                : user.groups().stream().map(Notifications::group).toList();
    }
}
