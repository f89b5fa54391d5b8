package io.quarkiverse.ving.runtime;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.sql.VingMysql;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The injectable {@link VingDb}, on the application's reactive pool (queries) and JDBC datasource (streams). The
 * datasources are looked up when VingDb is first used, so an application that configures no database still starts.
 */
public class VingDbProducer {

    @Produces
    @Singleton
    VingDb vingDb(Instance<Pool> pool, Instance<AgroalDataSource> dataSource, VingRuntimeConfig config) {
        boolean log = ConfigProvider.getConfig().getOptionalValue(VingMysql.VARIABLE, String.class)
                .map(value -> VingMysql.parse(value).log()).orElse(false);
        return VingDb.using(pool.get(), dataSource.get(), log).streamingWith(config.stream());
    }
}
