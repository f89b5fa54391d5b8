package io.quarkiverse.ving.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.quarkiverse.ving.sql.VingMysql;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * ving's one connection setting, {@code VING_MYSQL=mysql://user:pass@host:port/db}, as Quarkus' datasource keys, for the
 * JDBC datasource (migrations) and the reactive pool (queries) alike.
 * Its ordinal sits below application.properties and the environment's {@code QUARKUS_DATASOURCE_*}, so Quarkus' own
 * keys win whenever a user sets them. A malformed value maps to nothing here; the application stops at start-up
 * saying what is wrong with the variable ({@link VingRecorder#checkConnectionSetting}), and the {@code ving} command
 * reports it with exit status 2.
 */
public class VingMysqlConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250) and environment variables (300), above extension defaults (100). */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(VingMysql.VARIABLE);
        if (value == null || value.getValue() == null) {
            return List.of();
        }
        VingMysql setting;
        try {
            setting = VingMysql.parse(value.getValue());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", setting.jdbcUrl());
        properties.put("quarkus.datasource.reactive.url", setting.reactiveUrl());
        properties.put("quarkus.datasource.username", setting.user());
        properties.put("quarkus.datasource.password", setting.password());
        return List.of(new PropertiesConfigSource(properties, VingMysql.VARIABLE, ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
