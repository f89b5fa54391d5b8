package io.quarkiverse.ving.runtime;

import java.lang.annotation.Annotation;
import java.util.Optional;

import jakarta.enterprise.inject.Default;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/** How ving finds a datasource's beans at run time, by the datasource's Quarkus name. */
public final class VingDataSources {

    private VingDataSources() {
    }

    /** The qualifier of a datasource's ving beans: {@code @Default} for the default one, else {@code @VingDatasource}. */
    public static Annotation qualifier(String dataSourceName) {
        return DataSourceUtil.isDefault(dataSourceName) ? Default.Literal.INSTANCE : new VingDatasource.Literal(dataSourceName);
    }

    /**
     * The datasource's JDBC pool.
     *
     * @throws IllegalStateException naming the setting to make when the application has none
     */
    static AgroalDataSource jdbc(String name) {
        return activeJdbc(name).orElseThrow(() -> new IllegalStateException(DataSourceUtil.isDefault(name)
                ? "The application has no database: set VING_MYSQL (or quarkus.datasource.jdbc.url)."
                : "The application has no datasource \"" + name + "\": set quarkus.datasource.\"" + name + "\".jdbc.url."));
    }

    /** The datasource's JDBC pool, unless there is none or Quarkus deactivated it (which it does to one without a URL). */
    static Optional<AgroalDataSource> activeJdbc(String name) {
        return AgroalDataSourceUtil.dataSourceInstance(name).isResolvable() ? AgroalDataSourceUtil.dataSourceIfActive(name)
                : Optional.empty();
    }
}
