package io.quarkiverse.ving.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.LogRecord;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application with two named datasources, {@code orders} and {@code billing}, each on a database of the test's own
 * (created empty before the application starts, dropped after the class) with its own packaged migrations; no default
 * datasource. The start-action tests configure them.
 */
final class TwoDatasources {

    private static final String FOLDERS = "src/test/resources/named/";

    final TestDatabase orders;
    final TestDatabase billing;

    TwoDatasources(String test) {
        this.orders = new TestDatabase(test + "_orders");
        this.billing = new TestDatabase(test + "_billing");
    }

    /** With the working migrations of both datasources. */
    QuarkusUnitTest app() {
        return app("billing", () -> {
        });
    }

    /**
     * @param billingFolder the folder under {@code src/test/resources/named} packaged as billing's migrations
     * @param prepare what the test does to the empty databases before the application starts
     */
    QuarkusUnitTest app(String billingFolder, Runnable prepare) {
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> {
                    root.addClass(TwoDatasources.class);
                    for (String file : List.of("0000_orders.sql", "0001_order_lines.sql", "meta/_journal.json")) {
                        root.addAsResource(new File(FOLDERS + "orders/" + file), "ving/orders/migrations/" + file);
                    }
                    for (String file : List.of("0000_invoices.sql", "meta/_journal.json")) {
                        root.addAsResource(new File(FOLDERS + billingFolder + "/" + file), "ving/billing/migrations/" + file);
                    }
                })
                .overrideConfigKey("quarkus.ving.devservices.enabled", "false")
                .overrideConfigKey("quarkus.ving.check-migrations", "off")
                .overrideConfigKey("quarkus.datasource.\"orders\".db-kind", "mariadb")
                .overrideConfigKey("quarkus.datasource.\"orders\".jdbc.url", orders.jdbcUrl())
                .overrideConfigKey("quarkus.datasource.\"orders\".reactive.url", "mysql://" + TestDatabase.HOST + "/" + orders.name())
                .overrideConfigKey("quarkus.datasource.\"orders\".username", "root")
                .overrideConfigKey("quarkus.datasource.\"billing\".db-kind", "mariadb")
                .overrideConfigKey("quarkus.datasource.\"billing\".jdbc.url", billing.jdbcUrl())
                .overrideConfigKey("quarkus.datasource.\"billing\".username", "root")
                .setBeforeAllCustomizer(() -> {
                    reset(orders);
                    reset(billing);
                    prepare.run();
                })
                .setAfterAllCustomizer(() -> {
                    orders.drop();
                    billing.drop();
                });
    }

    /** Each table of the database, ledger included, in Java's order of their names (not the collation's). */
    static List<String> tables(TestDatabase database) {
        return rows(database, "select table_name from information_schema.tables where table_schema = database()").stream()
                .sorted().toList();
    }

    /** The query's rows, unchecked for lambdas and customizers. */
    static List<String> rows(TestDatabase database, String sql) {
        try {
            return database.query(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(TestDatabase database, String sql) {
        try {
            database.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reset(TestDatabase database) {
        try {
            database.reset();
        } catch (SQLException e) {
            throw new IllegalStateException("The test needs MariaDB on " + TestDatabase.HOST + ": " + e.getMessage(), e);
        }
    }

    /** sha256 of a migration file under {@code src/test/resources/named}, as drizzle's ledger records it. */
    static String sha256(String file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(FOLDERS, file))));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A log record's message with its parameters filled in, as the log shows it. */
    static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? record.getMessage() : String.format(record.getMessage(), parameters);
    }

    /** The innermost message of a failed start that mentions {@code text}, or the outermost one. */
    static String messageWith(Throwable failure, String text) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(text)) {
                return cause.getMessage();
            }
        }
        return String.valueOf(failure);
    }
}
