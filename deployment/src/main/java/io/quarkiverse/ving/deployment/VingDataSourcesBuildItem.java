package io.quarkiverse.ving.deployment;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The datasources ving serves, by their Quarkus names: the default one, and each named MariaDB or MySQL datasource.
 * Each gets its {@code VingMigrations}, its start actions and its packaged migrations; each named one its {@code VingDb}.
 */
public final class VingDataSourcesBuildItem extends SimpleBuildItem {

    private final List<String> names;

    VingDataSourcesBuildItem(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The default datasource first, then the named ones in name order. */
    public List<String> names() {
        return names;
    }

    /** The named ones only. */
    public List<String> named() {
        return names.stream().filter(name -> !DataSourceUtil.isDefault(name)).toList();
    }
}
