package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
            .addBuildChainCustomizer(chain -> chain.addBuildStep((BuildContext context) -> {
                for (InitTaskBuildItem task : context.consumeMulti(InitTaskBuildItem.class)) {
                    if (task.getName().equals("ving-migrate")) {
                        // the test instance lives in another class loader: hand over through a system property
                        System.setProperty(SEEN, task.getTaskEnvVars() + " " + task.getAppEnvVars());
                    }
                }
                context.produce(new FeatureBuildItem("ving-init-task-test"));
            }).consumes(InitTaskBuildItem.class).produces(FeatureBuildItem.class).build());

    @Test
    void theTaskMigratesAndExitsWhileTheApplicationDoesNotMigrate() {
        String seen = System.getProperty(SEEN);
        assertTrue(seen.contains("QUARKUS_INIT_AND_EXIT=true"), seen);
        assertTrue(seen.contains("QUARKUS_VING_MIGRATE_AT_START=true"), seen);
        assertTrue(seen.endsWith("{QUARKUS_VING_MIGRATE_AT_START=false}"), seen);
    }
}
