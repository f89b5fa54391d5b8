package io.quarkiverse.ving.connection;

import java.sql.SQLException;
import java.time.Duration;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

/** A small Agroal pool on the database of a {@code VING_MYSQL} setting, for code outside a Quarkus application. */
public final class JdbcPool {

    /** How long a caller waits for a connection before the pool gives up. */
    private static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(30);

    private JdbcPool() {
    }

    /** A pool of at most {@code maxSize} connections, made when first needed; close it when done. */
    public static AgroalDataSource open(VingMysql setting, int maxSize) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(maxSize)
                        .acquisitionTimeout(ACQUISITION_TIMEOUT)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(setting.jdbcUrl())
                                .principal(new NamePrincipal(setting.user()))
                                .credential(new SimplePassword(setting.password())))));
    }
}
