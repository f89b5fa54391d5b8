package io.quarkiverse.ving.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.quarkiverse.ving.json.JsonWriter;

/**
 * ving's query log: with {@code VING_MYSQL=…?log=yes}, every statement at DEBUG in the category {@code drizzle}, as
 * {@code {"query":"…","params":[…]}}. Written through java.util.logging, which Quarkus' log manager serves (FINE is
 * its DEBUG), so the core needs no logging library.
 */
public final class QueryLog {

    /** ving logs its queries in the "drizzle" topic. */
    public static final String CATEGORY = "drizzle";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private QueryLog() {
    }

    public static void log(String sql, List<?> params) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(format(sql, params));
        }
    }

    /** {@code {"query":"…","params":[…]}}; values JSON cannot hold (dates, bytes) appear as their text. */
    static String format(String sql, List<?> params) {
        List<Object> values = new ArrayList<>(params.size());
        for (Object param : params) {
            values.add(param == null || param instanceof String || param instanceof Number || param instanceof Boolean ? param
                    : String.valueOf(param));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("query", sql);
        entry.put("params", values);
        return JsonWriter.compact(entry);
    }
}
