package io.quarkiverse.ving.cli;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkiverse.ving.sql.QueryLog;
import io.quarkiverse.ving.sql.VingMysql;

/**
 * The database named by {@code VING_MYSQL}, as a small Agroal pool, and its statement log.
 */
final class Database implements AutoCloseable {

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
        String value = ConfigProvider.getConfig().getOptionalValue(VingMysql.VARIABLE, String.class).orElse(null);
        if (value == null) {
            throw new IllegalArgumentException(VingMysql.VARIABLE + " is not set. Set it to the database to migrate, e.g. "
                    + "VING_MYSQL=mysql://user:password@127.0.0.1:3306/app");
        }
        VingMysql setting = VingMysql.parse(value);
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(2)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(setting.jdbcUrl())
                                .principal(new NamePrincipal(setting.user()))
                                .credential(new SimplePassword(setting.password()))));
        return new Database(setting, AgroalDataSource.from(configuration));
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
