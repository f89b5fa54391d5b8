package io.quarkiverse.ving.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST paths ving's descriptions link to: {@code /api/<version>/<kind in lower case>} for the kind, the record's
 * string id after it for the record. The version is ving's {@code rest.version}; the Quarkus glue sets it from
 * {@code quarkus.ving.rest-version}.
 */
public final class RestLinks {

    private static volatile String version = "v1";

    private RestLinks() {
    }

    /** Links name this API version from now on. */
    public static void useApiVersion(String apiVersion) {
        if (apiVersion == null || !apiVersion.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("The REST API version must be letters, digits, '.', '_' or '-', such as v1;"
                    + " it is '" + apiVersion + "'.");
        }
        version = apiVersion;
    }

    public static String apiVersion() {
        return version;
    }

    /** The kind's path: {@code /api/v1/user}. */
    public static String base(String kind) {
        return "/api/" + version + "/" + kind.toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Object> link(String href, String... methods) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("methods", List.of(methods));
        return link;
    }
}
