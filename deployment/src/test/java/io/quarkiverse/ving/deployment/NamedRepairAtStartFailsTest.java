package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * repair-at-start while another run holds billing's migration lock beyond the lock timeout: the start-up stops naming
 * the datasource and the lock, and nothing is mended behind the other run's back.
 */
class NamedRepairAtStartFailsTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_repair_fails");
    static final String OLD_HASH = "0000000000000000000000000000000000000000000000000000000000000000";
    /** The other run's connection, holding the lock while the application starts. */
    static Connection otherRun;

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.billing, "create table __drizzle_migrations (id serial primary key, hash text not null,"
                + " created_at bigint)");
        TwoDatasources.execute(DATABASES.billing, "insert into __drizzle_migrations (hash, created_at) values ('" + OLD_HASH
                + "', 1800000000000)");
        try {
            otherRun = DATABASES.billing.dataSource().getConnection();
            try (Statement statement = otherRun.createStatement();
                    ResultSet result = statement.executeQuery("select get_lock('ving_migrations:" + DATABASES.billing.name()
                            + "', 0)")) {
                result.next();
                assertEquals(1, result.getInt(1), "the other run holds the lock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    })
            .overrideConfigKey("quarkus.ving.\"billing\".repair-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".lock-timeout", "1s")
            .assertException(e -> {
                String message = TwoDatasources.messageWith(e, "ving could not prepare");
                assertTrue(message.startsWith("ving could not prepare datasource \"billing\" at start: "), message);
                assertTrue(message.contains("lock"), message);
                assertEquals(List.of(OLD_HASH), TwoDatasources.rows(DATABASES.billing, "select hash from __drizzle_migrations"),
                        "nothing mended");
                try {
                    otherRun.close();
                } catch (SQLException closing) {
                    throw new IllegalStateException(closing);
                }
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application should not have started");
    }
}
