package cn.pubdata.approval.document;

import java.text.Normalizer;

/**
 * A file name as the operator's browser sent it, made safe to store, show and offer for download: the last path
 * segment only, no control or direction-changing characters (which can disguise {@code rapport\u202Efdp.exe} as a
 * PDF), none of the characters Windows forbids, no {@code ..}, no leading dots, and at most {@link #MAX_LENGTH}
 * characters with the extension kept.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 120;

    static final String UNNAMED = "未命名文件";

    private FileNames() {}

    public static String sanitize(String name) {
        if (name == null) {
            return UNNAMED;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        int cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        text = text.substring(cut + 1);
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append(' ');
                return;
            }
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                return;
            }
            b.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        });
        String clean = b.toString()
                .replaceAll("\\.{2,}", ".")
                .replaceAll(" {2,}", " ")
                .replaceAll("^[ .]+", "")
                .replaceAll("[ .]+$", "");
        if (clean.isEmpty()) {
            return UNNAMED;
        }
        return shorten(clean);
    }

    /** The extension in lower case, without the dot; empty when there is none. */
    public static String extension(String sanitized) {
        int dot = sanitized.lastIndexOf('.');
        return dot <= 0 ? "" : sanitized.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String suffix = dot <= 0 || name.length() - dot > 11 ? "" : name.substring(dot);
        String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length() - 1;
        return base.substring(0, base.offsetByCodePoints(0, keep)) + "…" + suffix;
    }
}
