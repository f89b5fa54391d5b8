package io.quarkiverse.ving.runtime;

import io.quarkiverse.ving.sql.VingMysql;

/** {@code VING_MYSQL} as the application's configuration holds it (environment, system property, .env). */
final class ConfiguredVingMysql {

    private ConfiguredVingMysql() {
    }

    /** Whether the setting asks for the query log ({@code ?log=yes}). */
    static boolean logStatements() {
        return VingMysql.configured().map(VingMysql::log).orElse(false);
    }
}
