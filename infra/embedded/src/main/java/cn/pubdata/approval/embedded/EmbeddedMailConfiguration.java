package cn.pubdata.approval.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The edge of the world: e-mail goes to a real SMTP server in this JVM, and every recipient can read it over IMAP. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedMailProperties.class)
@ConditionalOnProperty(name = "approval.mail.embedded", havingValue = "true")
public class EmbeddedMailConfiguration {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail(EmbeddedMailProperties properties, ConfigurableEnvironment environment) {
        ServerSetup smtp = new ServerSetup(properties.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(properties.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        if (properties.smtpPort() == 0) {
            smtp = smtp.dynamicPort();
        }
        if (properties.imapPort() == 0) {
            imap = imap.dynamicPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("outbox", "outbox"));
        mail.start();
        EmbeddedServers.publish(
                environment, "outbox", "IMAP localhost:" + mail.getImap().getPort() + "，用户名和密码均为收件邮箱地址");
        return mail;
    }

    @Bean
    JavaMailSenderImpl javaMailSender(GreenMail greenMail, EmbeddedMailProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        String timeout = Long.toString(properties.timeoutMs());
        sender.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", timeout);
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", timeout);
        sender.getJavaMailProperties().setProperty("mail.smtp.writetimeout", timeout);
        return sender;
    }
}
