package io.quarkiverse.ving.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.sqlclient.DatabaseException;

/**
 * A statement the server refused, or whose connection failed under it. The message names the statement as rendered,
 * with its placeholders: the values are left out, since they may be private (a password hash, an email).
 */
public final class QueryFailedException extends RuntimeException {

    /** How the reactive MySQL client words the server's error: {@code {errorMessage=…, errorCode=…, sqlState=…}}. */
    private static final Pattern SERVER_MESSAGE = Pattern.compile("\\{errorMessage=(.*), errorCode=\\d+, sqlState=.*}",
            Pattern.DOTALL);

    private final String sql;
    private final int errorCode;
    private final String sqlState;

    private QueryFailedException(String sql, String reason, int errorCode, String sqlState, Throwable cause) {
        super("`" + sql + "` failed: " + reason
                + (errorCode > 0 ? " (MySQL error " + errorCode + ", SQLSTATE " + sqlState + ")" : ""), cause);
        this.sql = sql;
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    static QueryFailedException of(RenderedQuery query, Throwable cause) {
        if (cause instanceof DatabaseException refused) {
            Matcher message = SERVER_MESSAGE.matcher(String.valueOf(refused.getMessage()));
            return new QueryFailedException(query.sql(), message.matches() ? message.group(1) : refused.getMessage(),
                    refused.getErrorCode(), refused.getSqlState(), cause);
        }
        return new QueryFailedException(query.sql(), String.valueOf(cause.getMessage()), 0, null, cause);
    }

    /** The statement, with {@code ?} for its values. */
    public String sql() {
        return sql;
    }

    /** The server's error number (1062 for a duplicate key …); 0 when the server gave none. */
    public int errorCode() {
        return errorCode;
    }

    /** The SQLSTATE of the server's error; null when the server gave none. */
    public String sqlState() {
        return sqlState;
    }
}
