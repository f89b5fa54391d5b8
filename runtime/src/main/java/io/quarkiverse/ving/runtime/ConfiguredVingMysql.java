package io.quarkiverse.ving.runtime;

import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.ving.sql.VingMysql;

/** {@code VING_MYSQL} as the application's configuration holds it (environment, system property, .env). */
final class ConfiguredVingMysql {

    private ConfiguredVingMysql() {
    }

    /** The setting, parsed; a malformed value throws, naming the variable and what is wrong. */
    static Optional<VingMysql> get() {
        return ConfigProvider.getConfig().getOptionalValue(VingMysql.VARIABLE, String.class).map(VingMysql::parse);
    }

    /** Whether the setting asks for the query log ({@code ?log=yes}). */
    static boolean logStatements() {
        return get().map(VingMysql::log).orElse(false);
    }
}
