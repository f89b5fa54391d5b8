package io.quarkiverse.ving.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.sql.JdbcPool;
import io.quarkiverse.ving.sql.QueryLog;
import io.quarkiverse.ving.sql.VingMysql;

/**
 * The database named by {@code VING_MYSQL}, as a small Agroal pool, and its statement log.
 */
final class Database implements AutoCloseable {

    /** Connections a command uses at most. */
    private static final int POOL_SIZE = 2;

    private final VingMysql setting;
    private final AgroalDataSource dataSource;

    private Database(VingMysql setting, AgroalDataSource dataSource) {
        this.setting = setting;
        this.dataSource = dataSource;
    }

    /**
     * Connects to the database of {@code VING_MYSQL}, read as Quarkus reads configuration: from the environment,
     * a system property, or a {@code .env} file in the working directory (as ving reads its own .env).
     * Fails with a message naming what is wrong.
     */
    static Database fromEnvironment() throws SQLException {
        VingMysql setting = VingMysql.required();
        return new Database(setting, JdbcPool.open(setting, POOL_SIZE));
    }

    AgroalDataSource dataSource() {
        return dataSource;
    }

    /** Logs each statement at DEBUG in "drizzle" as {"query":…,"params":[]} when the setting says log=yes. */
    Consumer<String> statementLog() {
        return sql -> {
            if (setting.log()) {
                QueryLog.log(sql, List.of());
            }
        };
    }

    /** The setting without its password. */
    String describe() {
        return setting.user() + "@" + setting.host() + ":" + setting.port() + "/" + setting.database();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
