package cn.pubdata.approval.reminder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the deadline sweep every few minutes ({@code approval.reminders.sweep-ms}, 5 minutes). Tests switch it off
 * ({@code approval.reminders.enabled=false}) and run a sweep themselves after moving the clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "approval.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {

    private final DeadlineSweep sweep;

    ReminderSchedule(DeadlineSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(
            initialDelayString = "${approval.reminders.sweep-ms:300000}",
            fixedDelayString = "${approval.reminders.sweep-ms:300000}")
    void sweep() {
        sweep.sweep();
    }
}
