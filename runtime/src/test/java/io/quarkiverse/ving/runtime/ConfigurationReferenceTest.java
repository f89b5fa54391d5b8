package io.quarkiverse.ving.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * docs/configuration.md lists every {@code quarkus.ving.*} key of the two configuration mappings with its default,
 * read off the mappings themselves: a key added without its row, or a default changed in one place only, fails here.
 */
class ConfigurationReferenceTest {

    /** A row of the reference's table: | `key` | phase | default | what it does | */
    private static final Pattern ROW = Pattern.compile("^\\| `(quarkus\\.ving\\.[a-z.-]+)` \\| ([^|]+) \\| ([^|]+) \\|",
            Pattern.MULTILINE);

    @Test
    void everyKeyIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("../docs/configuration.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(3).strip());
        }
        Map<String, Optional<String>> keys = new LinkedHashMap<>();
        keys(VingBuildTimeConfig.class, "quarkus.ving", keys);
        keys(VingRuntimeConfig.class, "quarkus.ving", keys);
        assertTrue(keys.containsKey("quarkus.ving.dev.schema-sync") && keys.containsKey("quarkus.ving.health.migrations")
                && keys.containsKey("quarkus.ving.migrate-at-start"),
                "nested groups are read: " + keys.keySet());

        List<String> problems = new ArrayList<>();
        keys.forEach((key, defaultValue) -> {
            String cell = documented.get(key);
            if (cell == null) {
                problems.add(key + " has no row");
            } else if (defaultValue.isPresent() && !cell.equals("`" + defaultValue.get() + "`")) {
                problems.add(key + " is documented with default " + cell + ", the code's is `" + defaultValue.get() + "`");
            }
        });
        documented.keySet().stream().filter(key -> !keys.containsKey(key)).forEach(key -> problems.add(key + " is not a key"));
        assertEquals(List.of(), problems);
    }

    /** The keys under {@code prefix} of a mapping interface, each with its {@code @WithDefault}. */
    private static void keys(Class<?> mapping, String prefix, Map<String, Optional<String>> keys) {
        for (Method method : mapping.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            if (method.isAnnotationPresent(WithParentName.class) && method.getReturnType() == Map.class) {
                // the per-datasource settings: the default datasource's keys sit right under the prefix (a named
                // one's under quarkus.ving."name"., which the reference says once, above its rows)
                Type value = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[1];
                keys((Class<?>) value, prefix, keys);
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == mapping) {
                keys(type, key, keys);
            } else {
                // enum defaults are written in upper case in the code and in lower case in configuration
                keys.put(key, Optional.ofNullable(method.getAnnotation(WithDefault.class)).map(WithDefault::value)
                        .map(value -> type.isEnum() ? value.toLowerCase(Locale.ROOT) : value));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
