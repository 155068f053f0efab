package cn.pubdata.approval.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param embedded run an SMTP server with an IMAP mailbox inside this JVM: the local run's outbox, readable by any mail client
 * @param smtpPort its SMTP port (0: a free one)
 * @param imapPort its IMAP port (0: a free one)
 */
@ConfigurationProperties("approval.mail")
public record EmbeddedMailProperties(boolean embedded, int smtpPort, int imapPort) {}
