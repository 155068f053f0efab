package cn.pubdata.approval.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param embedded run an SMTP server with an IMAP mailbox inside this JVM: the local run's outbox, readable by any mail client
 * @param smtpPort its SMTP port (0: a free one)
 * @param imapPort its IMAP port (0: a free one)
 * @param timeoutMs how long connecting to the SMTP server, and each read or write on the connection, may take before the
 *                  send fails (and the notification worker's task is retried); a hung mail server holds no worker longer.
 *                  The same value goes to {@code spring.mail.properties} for a real mail server (application.yaml)
 */
@ConfigurationProperties("approval.mail")
public record EmbeddedMailProperties(
        boolean embedded,
        int smtpPort,
        int imapPort,
        @DefaultValue("30000") long timeoutMs) {}
