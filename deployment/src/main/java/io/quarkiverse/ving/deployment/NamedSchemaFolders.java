package io.quarkiverse.ving.deployment;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.eclipse.microprofile.config.Config;

/**
 * Where the schemas of each named MariaDB or MySQL datasource are: {@code quarkus.ving."orders".schemas}, or the
 * subfolder named after the datasource in the default schemas folder ({@code src/main/ving/orders}). Read from the
 * configuration the code generator and the build share, before any build item exists.
 */
final class NamedSchemaFolders {

    /** {@code quarkus.datasource."orders".db-kind} or {@code quarkus.datasource.orders.db-kind}. */
    private static final Pattern DB_KIND = Pattern.compile("quarkus\\.datasource\\.(?:\"([^\"]+)\"|([^.\"]+))\\.db-kind");

    private NamedSchemaFolders() {
    }

    /** Each named MySQL-kind datasource's schema folder, by datasource name. */
    static Map<String, Path> of(Config config, Path defaultFolder) {
        Map<String, Path> folders = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            Matcher matcher = DB_KIND.matcher(property);
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String kind = config.getOptionalValue(property, String.class).orElse("").toLowerCase(Locale.ROOT);
            if (!kind.equals("mariadb") && !kind.equals("mysql")) {
                continue;
            }
            Path folder = config.getOptionalValue("quarkus.ving.\"" + name + "\".schemas", String.class)
                    .map(Path::of).orElse(defaultFolder.resolve(name));
            folders.put(name, folder.toAbsolutePath().normalize());
        }
        return folders;
    }

    /** The Java package segment of a datasource's generated classes: {@code orders}, {@code order_archive}. */
    static String javaPackage(String dataSourceName) {
        String segment = dataSourceName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!Character.isJavaIdentifierStart(segment.charAt(0))) {
            return "_" + segment;
        }
        return SourceVersion.isKeyword(segment) ? segment + "_" : segment;
    }
}
