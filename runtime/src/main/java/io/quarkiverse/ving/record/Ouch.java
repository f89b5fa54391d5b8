package io.quarkiverse.ving.record;

/**
 * ving's {@code ouch(code, message, field)}: an error meant for the caller of an API, with an HTTP-like code
 * (401 not known, 403 not allowed, 404 not found, 409 a duplicate, 441 a required value missing, 442 a value that does not fit
 * its prop) and the field it concerns.
 */
public final class Ouch extends RuntimeException {

    /** Not known: credentials that name nobody. */
    public static final int UNAUTHORIZED = 401;
    /** Not allowed: the user does not own the record or lacks the role. */
    public static final int FORBIDDEN = 403;
    /** A record that does not exist. */
    public static final int NOT_FOUND = 404;
    /** A required prop left empty. */
    public static final int REQUIRED = 441;
    /** A value of the wrong type, too long, or not among the enums. */
    public static final int INVALID = 442;
    /** A value a unique prop already has in another record, or a record inserted twice. */
    public static final int CONFLICT = 409;

    private final int code;
    private final String field;

    public Ouch(int code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public int code() {
        return code;
    }

    /** The prop the error concerns, or null. */
    public String field() {
        return field;
    }
}
