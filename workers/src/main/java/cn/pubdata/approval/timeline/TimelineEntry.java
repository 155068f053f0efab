package cn.pubdata.approval.timeline;

import java.time.Instant;

/** Something that happened to a subject, as its operator reads it. */
public record TimelineEntry(Instant at, String title, String detail, String actor) {}
