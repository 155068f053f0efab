package cn.pubdata.approval.admission;

import java.time.Instant;

/** Something that happened to an application, as its operator reads it. */
public record TimelineEntry(Instant at, String title, String detail, String actor) {}
