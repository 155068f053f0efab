package cn.pubdata.approval.notification;

import java.time.Instant;

/** A message in a recipient's in-app inbox ({@code operator:<credit code>} or {@code group:<group id>}). */
public record Notice(long id, String recipient, String title, String body, Instant createdAt, Instant readAt) {}
