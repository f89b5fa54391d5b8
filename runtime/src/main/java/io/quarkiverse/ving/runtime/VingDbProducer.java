package io.quarkiverse.ving.runtime;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The injectable {@link VingDb}, on the application's reactive pool (queries) and JDBC datasource (streams). The
 * datasources are looked up when VingDb is first used, so an application that configures no database still starts.
 */
public class VingDbProducer {

    @Produces
    @Singleton
    VingDb vingDb(Instance<Pool> pool, Instance<AgroalDataSource> dataSource, VingRuntimeConfig config) {
        return VingDb.using(pool.get(), dataSource.get(), config.logStatements()).streamingWith(config.dataSource(DataSourceUtil.DEFAULT_DATASOURCE_NAME).stream());
    }
}
