package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.SqlLiterals;
import io.quarkiverse.ving.table.Table;

/** The live database against the newest snapshot, MariaDB's renderings normalised. */
class SchemaDriftTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_schema_drift_test");
    private static final MigrationFolder SERIES = new MigrationFolder(Path.of("../src/test/drizzle-kit/series/expected/migrations"));
    private static final MigrationFolder FIRST = new MigrationFolder(Path.of("../src/test/drizzle-kit/expected/migrations"));

    @BeforeEach
    void migrated() throws SQLException {
        DATABASE.reset();
        new Migrator(DATABASE.dataSource(), FIRST, Duration.ofSeconds(10)).up();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }

    private static List<String> drift(Snapshot snapshot) throws SQLException {
        try (Connection connection = DATABASE.dataSource().getConnection()) {
            return SchemaDrift.between(connection, snapshot);
        }
    }

    @Test
    void aFreshlyMigratedDatabaseHasNoDrift() throws SQLException {
        // every helper's column (json, boolean, enum, timestamps with on-update, nullable relations, …) reads back alike
        assertEquals(List.of(), drift(FIRST.latestSnapshot()));
    }

    @Test
    void aChangeByHandIsReportedAsTheStatementThatUndoesIt() throws SQLException {
        DATABASE.execute("alter table users modify realName varchar(99) not null default ''");
        DATABASE.execute("alter table cronjobs add extra int");
        assertEquals(List.of("ALTER TABLE `users` MODIFY COLUMN `realName` varchar(60) NOT NULL DEFAULT '';",
                "ALTER TABLE `cronjobs` DROP COLUMN `extra`;"), drift(FIRST.latestSnapshot()));
    }

    @Test
    void anIndexAddedByHandIsDriftButTheIndexesOfForeignKeysAreNot() throws SQLException {
        DATABASE.execute("create index handIndex on users (realName)");
        assertEquals(List.of("DROP INDEX `handIndex` ON `users`;"), drift(FIRST.latestSnapshot()));
    }

    @Test
    void aForeignKeyChangedByHandIsReportedAsTheStatementsThatRestoreIt() throws SQLException {
        // MariaDB keeps the dropped key's index: it is no foreign key's index any more, so it is drift too
        DATABASE.execute("alter table apikeys drop foreign key apikeys_user_90ada4_fk");
        assertEquals(List.of("DROP INDEX `apikeys_user_90ada4_fk` ON `apikeys`;", "ALTER TABLE `apikeys` ADD CONSTRAINT `apikeys_user_90ada4_fk` FOREIGN KEY (`userId`) "
                + "REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;"), drift(FIRST.latestSnapshot()));
    }

    @Test
    void aDatabaseBehindTheSnapshotShowsWhatIsMissing() throws SQLException {
        // the series' step 2 adds users.timezone
        Snapshot afterStep2 = SnapshotJson.read(Path.of("x"), readSnapshot("0002"));
        List<String> drift = drift(afterStep2);
        assertTrue(drift.contains("ALTER TABLE `users` ADD `timezone` varchar(60) DEFAULT 'America/Chicago' NOT NULL;"),
                drift.toString());
    }

    @Test
    void theDefaultsOfMoreTablesThanOneJoinTakesAreEachEvaluatedByTheServer() throws SQLException {
        // information_schema prints the emoji's bytes as ?, so only the server's evaluation gives these defaults back;
        // MariaDB joins at most 61 tables, so they are asked for in more than one query
        int count = LiveSchema.TABLES_PER_JOIN + 5;
        for (int i = 0; i < count; i++) {
            DATABASE.execute("create table defaults" + i + " (id int primary key, meta json not null default ('{\"n\":\"\uD83D\uDE00"
                    + i + "\"}'), note text default ('note " + i + "'))");
        }
        List<Table> live;
        try (Connection connection = DATABASE.dataSource().getConnection()) {
            live = LiveSchema.read(connection);
        }
        for (int i = 0; i < count; i++) {
            String name = "defaults" + i;
            Table table = live.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
            assertEquals(Optional.of("(" + SqlLiterals.quote("{\"n\":\"\uD83D\uDE00" + i + "\"}") + ")"),
                    table.column("meta").orElseThrow().defaultValue().map(ColumnDefault::sql), name);
            assertEquals(Optional.of("(" + SqlLiterals.quote("note " + i) + ")"),
                    table.column("note").orElseThrow().defaultValue().map(ColumnDefault::sql), name);
        }
    }

    private static String readSnapshot(String prefix) {
        try {
            return java.nio.file.Files.readString(SERIES.directory().resolve("meta/" + prefix + "_snapshot.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
