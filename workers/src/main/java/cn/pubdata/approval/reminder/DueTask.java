package cn.pubdata.approval.reminder;

import java.time.Instant;
import java.util.List;

/**
 * An open reviewer's task with a due date, as the sweep finds it: its candidate groups (the units it waits for), the
 * members' e-mail addresses, and the subject and jurisdiction of its flow where the flow names them.
 */
public record DueTask(
        String taskId,
        String name,
        Instant dueAt,
        String processInstanceId,
        String subject,
        String jurisdiction,
        List<String> candidateGroups,
        List<String> memberEmails) {}
