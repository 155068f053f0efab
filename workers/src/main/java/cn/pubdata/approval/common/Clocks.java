package cn.pubdata.approval.common;

import java.time.ZoneId;

/** The authorities work on Beijing time: dates of deadlines, announcements and agreements are Asia/Shanghai dates. */
public final class Clocks {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Clocks() {}
}
