package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.schema.SchemaDirectory;

/**
 * The series of schema changes in src/test/drizzle-kit/series, each prepared by the real drizzle-kit: every step
 * prepared by us writes drizzle-kit's SQL (but for our deliberate fixes), applies cleanly to MariaDB, and the
 * database migrated step by step ends equal to one created fresh from the final schemas.
 */
class DrizzleKitSeriesTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");
    private static final Path REFERENCE_SCHEMAS = Path.of("../src/main/ving");
    private static final TestDatabase STEPPED = new TestDatabase("ving_series_stepped");
    private static final TestDatabase FRESH = new TestDatabase("ving_series_fresh");

    /** Where drizzle-kit is wrong, what we write instead. */
    private static final Map<String, String> OUR_FIXES = Map.of(
            // drizzle-kit leaves out DEFAULT 0, and the column loses its default
            "0007_modify_int_to_bigint", "ALTER TABLE `s3files` MODIFY COLUMN `sizeInBytes` bigint unsigned NOT NULL DEFAULT 0;",
            // drizzle-kit first leaves out DEFAULT 0, then adds it back in a second MODIFY
            "0011_modify_boolean_to_int", "ALTER TABLE `users` MODIFY COLUMN `verifiedEmail` int NOT NULL DEFAULT 0;",
            // drizzle-kit also drops and re-adds the primary key, which MariaDB refuses (ER_WRONG_AUTO_KEY)
            "0019_rename_table", "RENAME TABLE `tags` TO `labels`;--> statement-breakpoint\n"
                    + "ALTER TABLE `labels` DROP FOREIGN KEY `tags_user_625ae7cf_fk`;\n--> statement-breakpoint\n"
                    + "ALTER TABLE `labels` ADD CONSTRAINT `labels_user_39286c0b_fk` FOREIGN KEY (`userId`) REFERENCES "
                    + "`users`(`id`) ON DELETE cascade ON UPDATE cascade;");

    @TempDir
    Path work;

    @AfterAll
    static void dropDatabases() throws SQLException {
        STEPPED.drop();
        FRESH.drop();
    }

    @Test
    void everyStepIsDrizzleKitsMigrationAndAppliesCleanly() throws IOException, SQLException {
        STEPPED.reset();
        Path schemas = Files.createDirectories(work.resolve("schemas"));
        copyAll(REFERENCE_SCHEMAS, schemas);
        MigrationFolder ours = new MigrationFolder(work.resolve("migrations"));
        MigrationFolder drizzleKit = new MigrationFolder(SERIES.resolve("expected/migrations"));
        List<Journal.Entry> expected = drizzleKit.journal().entries();
        List<String> steps = stepNames();
        assertEquals(expected.size(), steps.size());

        for (int i = 0; i < steps.size(); i++) {
            applyStep(SERIES.resolve("steps").resolve(steps.get(i)), schemas);
            Journal.Entry entry = expected.get(i);
            String name = entry.tag().substring(5);
            Clock clock = Clock.fixed(Instant.ofEpochMilli(entry.when()), ZoneOffset.UTC);
            MigrationPreparer.prepare(SchemaDirectory.load(schemas), ours,
                    new MigrationPreparer.Options(java.util.Optional.of(name), false, false, false), clock);

            String drizzleKitSql = Files.readString(drizzleKit.sqlFile(entry));
            String ourSql = Files.readString(ours.sqlFile(entry));
            assertEquals(OUR_FIXES.getOrDefault(entry.tag(), drizzleKitSql), ourSql, entry.tag());

            // every step applies cleanly on top of the ones before
            assertEquals(1, new Migrator(STEPPED.dataSource(), ours, java.time.Duration.ofSeconds(10)).up().size(), entry.tag());
        }

        FRESH.reset();
        MigrationFolder fresh = new MigrationFolder(work.resolve("fresh"));
        MigrationPreparer.prepare(SchemaDirectory.load(schemas), fresh, MigrationPreparer.Options.DEFAULT, Clock.systemUTC());
        new Migrator(FRESH.dataSource(), fresh, java.time.Duration.ofSeconds(10)).up();
        assertEquals(describe(FRESH), describe(STEPPED));
        try (java.sql.Connection connection = STEPPED.dataSource().getConnection()) {
            assertEquals(List.of(), SchemaDrift.between(connection, ours.latestSnapshot()), "the database is what the snapshot says");
        }
    }

    /** Every column, key and foreign key of the ving tables, from information_schema, without column order. */
    private static List<String> describe(TestDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(database.query("select table_name, column_name, column_type, is_nullable, column_default, extra "
                + "from information_schema.columns where table_schema = database() and table_name not like '\\_\\_%' "
                + "order by table_name, column_name"));
        rows.addAll(database.query("select table_name, index_name, non_unique, seq_in_index, column_name "
                + "from information_schema.statistics where table_schema = database() and table_name not like '\\_\\_%' "
                + "order by table_name, index_name, seq_in_index"));
        rows.addAll(database.query("select constraint_name, table_name, referenced_table_name, update_rule, delete_rule "
                + "from information_schema.referential_constraints where constraint_schema = database() order by constraint_name"));
        return rows;
    }

    private static List<String> stepNames() throws IOException {
        try (Stream<Path> steps = Files.list(SERIES.resolve("steps"))) {
            return steps.map(step -> step.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A step holds the schema files it changes; {@code <Kind>.mjs.removed} removes a kind. Also the other series tests'
     * ({@link DrizzleKit1SeriesTest}, {@link DownMigrationTest}).
     */
    static void applyStep(Path step, Path schemas) throws IOException {
        try (Stream<Path> files = Files.list(step)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".mjs.removed")) {
                    Files.delete(schemas.resolve(name.substring(0, name.length() - ".removed".length())));
                } else if (name.endsWith(".mjs")) {
                    Files.copy(file, schemas.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
