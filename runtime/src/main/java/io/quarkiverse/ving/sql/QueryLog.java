package io.quarkiverse.ving.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkiverse.ving.json.JsonWriter;

/**
 * ving's query log: with {@code VING_MYSQL=…?log=yes}, every statement at DEBUG in the category {@code drizzle}, as
 * {@code {"query":"…","params":[…]}}.
 */
public final class QueryLog {

    /** ving logs its queries in the "drizzle" topic. */
    public static final String CATEGORY = "drizzle";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private QueryLog() {
    }

    public static void log(String sql, List<?> params) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("query", sql);
        entry.put("params", params);
        LOG.debug(JsonWriter.compact(entry));
    }
}
