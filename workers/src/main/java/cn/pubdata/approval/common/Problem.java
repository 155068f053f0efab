package cn.pubdata.approval.common;

import java.util.List;

/**
 * A request that cannot be carried out as asked, with messages a person can act on.
 * The web layer turns it into a 4xx answer; nothing has been written when it is thrown.
 */
public class Problem extends RuntimeException {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE
    }

    public record FieldError(String field, String message) {}

    private final Kind kind;
    private final List<FieldError> errors;

    private Problem(Kind kind, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static Problem invalid(String message, List<FieldError> errors) {
        return new Problem(Kind.INVALID, message, errors);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, message, List.of(new FieldError(field, message)));
    }

    /** A body over its size limit, noticed while it was read. */
    public static Problem tooLarge(String field, String message) {
        return new Problem(Kind.TOO_LARGE, message, List.of(new FieldError(field, message)));
    }

    public static Problem notFound(String message) {
        return new Problem(Kind.NOT_FOUND, message, List.of());
    }

    public static Problem conflict(String message) {
        return new Problem(Kind.CONFLICT, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
