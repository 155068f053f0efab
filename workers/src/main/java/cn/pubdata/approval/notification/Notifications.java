package cn.pubdata.approval.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Every party learns what happened and what is due: an in-app inbox, and e-mail where an address is known.
 * A notice is keyed, so the same notice delivered twice is stored and mailed once.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    public Notifications(
            JdbcClient jdbc,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            @Value("${approval.mail.from:noreply@pubdata.example.cn}") String from) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.from = from;
    }

    public static String operator(String creditCode) {
        return "operator:" + creditCode;
    }

    public static String group(String groupId) {
        return "group:" + groupId;
    }

    /** Stores the notice unless one with the same key exists, then mails it if it has not been mailed yet. */
    public void send(String recipient, String dedupeKey, String title, String body, String emailTo) {
        jdbc.sql("""
                insert into approval.notice (recipient, dedupe_key, title, body, email_to, created_at)
                values (:r, :k, :t, :b, :e, :at) on conflict (dedupe_key) do nothing""")
                .param("r", recipient)
                .param("k", dedupeKey)
                .param("t", title)
                .param("b", body)
                .param("e", emailTo)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (emailTo == null || emailTo.isBlank()) {
            return;
        }
        boolean unsent = jdbc.sql("select emailed_at is null from approval.notice where dedupe_key = :k")
                .param("k", dedupeKey)
                .query(Boolean.class)
                .single();
        JavaMailSender sender = mail.getIfAvailable();
        if (!unsent) {
            return;
        }
        if (sender == null) {
            log.warn("未配置邮件服务器，通知「{}」只进入站内信箱", title);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(emailTo);
        message.setSubject(title);
        message.setText(body);
        sender.send(message);
        jdbc.sql("update approval.notice set emailed_at = :at where dedupe_key = :k")
                .param("at", Timestamp.from(clock.instant()))
                .param("k", dedupeKey)
                .update();
    }

    /** @return false when no such notice is in any of the given inboxes */
    public boolean markRead(long id, java.util.Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return false;
        }
        return jdbc.sql(
                                "update approval.notice set read_at = coalesce(read_at, :at) where id = :id and recipient in (:r)")
                        .param("at", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .param("r", recipients)
                        .update()
                == 1;
    }

    public int unread(java.util.Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from approval.notice where read_at is null and recipient in (:r)")
                .param("r", recipients)
                .query(Integer.class)
                .single();
    }

    public List<Notice> inbox(String recipient) {
        return jdbc.sql(
                        "select id, recipient, title, body, created_at, read_at from approval.notice where recipient = :r order by created_at desc, id desc")
                .param("r", recipient)
                .query((rs, n) -> new Notice(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }
}
