package io.quarkiverse.ving.deployment;

import java.io.File;
import java.sql.SQLException;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusUnitTest;

/** Applications under test, each on a {@link TestDatabase} of its own. */
final class TestApps {

    /** drizzle-kit's own first migration of the reference schemas. */
    static final String FIXTURE_MIGRATIONS = "../src/test/drizzle-kit/expected/migrations/";

    private TestApps() {
    }

    /**
     * An application on a database of the test's own, created empty before the application starts and dropped after
     * the class, with drizzle-kit's first migration of the reference schemas packaged as its migrations.
     */
    static QuarkusUnitTest appOnOwnDatabase(String name) {
        TestDatabase database = new TestDatabase(name);
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> root
                        .addClass(TestApps.class) // the test class, loaded by the application, refers to it
                        .addAsResource(new File(FIXTURE_MIGRATIONS + "0000_init.sql"), "ving/migrations/0000_init.sql")
                        .addAsResource(new File(FIXTURE_MIGRATIONS + "meta/_journal.json"), "ving/migrations/meta/_journal.json"))
                .overrideConfigKey("VING_MYSQL", database.vingMysql())
                .setBeforeAllCustomizer(() -> createEmpty(name))
                .setAfterAllCustomizer(database::drop);
    }

    /** Creates the database anew, empty, from a customizer (which allows no checked exception). */
    static void createEmpty(String name) {
        try {
            new TestDatabase(name).reset();
        } catch (SQLException e) {
            throw new IllegalStateException("The test needs MariaDB on " + TestDatabase.HOST + ": " + e.getMessage(), e);
        }
    }
}
