package io.quarkiverse.ving.runtime;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.sql.VingMysql;
import io.vertx.mutiny.sqlclient.Pool;

/** The injectable {@link VingDb}, on the application's reactive pool. */
public class VingDbProducer {

    @Produces
    @Singleton
    VingDb vingDb(Pool pool, AgroalDataSource dataSource) {
        boolean log = ConfigProvider.getConfig().getOptionalValue(VingMysql.VARIABLE, String.class)
                .map(value -> VingMysql.parse(value).log()).orElse(false);
        return VingDb.using(pool, dataSource, log);
    }
}
