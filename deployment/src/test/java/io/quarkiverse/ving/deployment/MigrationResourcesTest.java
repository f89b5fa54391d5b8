package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What a native image must carry for the packaged migrations: the journal and each SQL file, which the migrator reads,
 * and the newest snapshot, which the status report compares the database with.
 */
class MigrationResourcesTest {

    private static final String SEEN = "ving.test.native-resources";
    private static final String FOLDER = "../src/test/drizzle-kit/expected/migrations/";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new File(FOLDER + "0000_init.sql"), "ving/migrations/0000_init.sql")
                    .addAsResource(new File(FOLDER + "meta/_journal.json"), "ving/migrations/meta/_journal.json")
                    .addAsResource(new File(FOLDER + "meta/0000_snapshot.json"), "ving/migrations/meta/0000_snapshot.json"))
            // about the build, not the database: no embedded MariaDB
            .overrideConfigKey("quarkus.ving.devservices.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep((BuildContext context) -> {
                TreeSet<String> resources = new TreeSet<>();
                for (NativeImageResourceBuildItem item : context.consumeMulti(NativeImageResourceBuildItem.class)) {
                    resources.addAll(item.getResources());
                }
                // the test instance lives in another class loader: hand over through a system property
                System.setProperty(SEEN, String.join(",", resources));
                context.produce(new FeatureBuildItem("ving-native-resources-test"));
            }).consumes(NativeImageResourceBuildItem.class).produces(FeatureBuildItem.class).build());

    @Test
    void theJournalTheSqlAndTheNewestSnapshotAreRegistered() {
        List<String> seen = List.of(System.getProperty(SEEN).split(","));
        for (String resource : List.of("ving/migrations/meta/_journal.json", "ving/migrations/0000_init.sql",
                "ving/migrations/meta/0000_snapshot.json")) {
            assertTrue(seen.contains(resource), resource + " in " + seen);
        }
    }
}
