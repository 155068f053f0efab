package cn.pubdata.approval.common;

/** Sizes as people read them in a refusal. */
public final class ByteSizes {

    private ByteSizes() {}

    /** {@code 20 MB}, or {@code 2 KB} for a limit under a megabyte. */
    public static String readable(long bytes) {
        return bytes >= 1048576 ? (bytes / 1048576) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }
}
