package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.InitTaskBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/** The init task the Kubernetes extension turns into a migration Job. */
class InitTaskTest {

    private static final String SEEN = "ving.test.init-task";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            // about the build, not the database: no embedded MariaDB
            .overrideConfigKey("quarkus.ving.devservices.enabled", "false")
            .overrideConfigKey("quarkus.application.name", "shop")
            // a named datasource: its migrations run in the same task
            .overrideConfigKey("quarkus.datasource.\"orders\".db-kind", "mariadb")
            .overrideConfigKey("quarkus.datasource.\"orders\".devservices.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep((BuildContext context) -> {
                for (InitTaskBuildItem task : context.consumeMulti(InitTaskBuildItem.class)) {
                    if (task.getName().endsWith("-ving-init")) {
                        // the test instance lives in another class loader: hand over through a system property
                        System.setProperty(SEEN, task.getName() + " " + new TreeMap<>(task.getTaskEnvVars()) + " "
                                + new TreeMap<>(task.getAppEnvVars()));
                    }
                }
                context.produce(new FeatureBuildItem("ving-init-task-test"));
            }).consumes(InitTaskBuildItem.class).produces(FeatureBuildItem.class).build());

    @Test
    void theTaskIsNamedAfterTheApplicationAndMigratesEveryDatasourceWhileTheApplicationDoesNot() {
        assertEquals("shop-ving-init {QUARKUS_INIT_AND_EXIT=true, QUARKUS_VING_MIGRATE_AT_START=true,"
                + " QUARKUS_VING__ORDERS__MIGRATE_AT_START=true}"
                + " {QUARKUS_VING_MIGRATE_AT_START=false, QUARKUS_VING__ORDERS__MIGRATE_AT_START=false}",
                System.getProperty(SEEN));
    }
}
