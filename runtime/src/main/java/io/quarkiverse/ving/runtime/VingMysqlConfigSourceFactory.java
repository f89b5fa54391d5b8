package io.quarkiverse.ving.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkiverse.ving.connection.VingMysql;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * ving's one connection setting, {@code VING_MYSQL=mysql://user:pass@host:port/db?log=yes}, parsed here and only here,
 * as configuration keys like any others: Quarkus' datasource keys, for the JDBC datasource (migrations) and the
 * reactive pool (queries) alike, and {@code quarkus.ving.log-statements} for {@code ?log=yes}.
 * Its ordinal sits below application.properties and the environment's {@code QUARKUS_DATASOURCE_*}, so Quarkus' own
 * keys win whenever a user sets them. A malformed value maps to nothing here; the application stops at start-up
 * saying what is wrong with the variable ({@link VingRecorder#checkConnectionSetting}), and the {@code ving} command
 * reports it with exit status 2.
 */
public class VingMysqlConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250) and environment variables (300), above extension defaults (100). */
    static final int ORDINAL = 200;

    /**
     * The last value parsed, and what it gave: Quarkus builds its configuration more than once per start (the build,
     * static init, run time), and the one setting is parsed once.
     */
    private static final AtomicReference<Parsed> LAST = new AtomicReference<>();

    private record Parsed(String value, VingMysql setting) {
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(VingMysql.VARIABLE);
        if (value == null || value.getValue() == null) {
            return List.of();
        }
        VingMysql setting;
        try {
            setting = parsed(value.getValue());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", setting.jdbcUrl());
        properties.put("quarkus.datasource.reactive.url", setting.reactiveUrl());
        properties.put("quarkus.datasource.username", setting.user());
        properties.put("quarkus.datasource.password", setting.password());
        if (setting.log()) {
            properties.put("quarkus.ving.log-statements", "true");
        }
        return List.of(new PropertiesConfigSource(properties, VingMysql.VARIABLE, ORDINAL));
    }

    /** Whether this configuration holds the keys of a well-formed VING_MYSQL: the source this factory made. */
    static boolean mapped(Config config) {
        // SmallRye names a properties source after its origin: PropertiesConfigSource[source=VING_MYSQL]
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .map(ConfigSource::getName)
                .anyMatch(name -> name.equals(VingMysql.VARIABLE) || name.endsWith("source=" + VingMysql.VARIABLE + "]"));
    }

    private static VingMysql parsed(String value) {
        Parsed last = LAST.get();
        if (last != null && last.value().equals(value)) {
            return last.setting();
        }
        VingMysql setting = VingMysql.parse(value);
        LAST.set(new Parsed(value, setting));
        return setting;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
