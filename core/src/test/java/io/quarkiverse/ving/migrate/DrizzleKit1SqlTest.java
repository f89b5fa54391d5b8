package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.table.DdlWriter;

/**
 * Each step of the series rendered in drizzle-kit 1.0's dialect is what drizzle-kit 1.0.0-rc.5 wrote
 * ({@code src/test/drizzle-kit/series/expected-v1}), but for our deliberate fixes.
 */
class DrizzleKit1SqlTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");

    /** Where drizzle-kit 1.0 is wrong, what we write instead (also DrizzleKit1SeriesTest's). */
    static final Map<String, String> OUR_FIXES = Map.of(
            // drizzle-kit 1.0 leaves the inline foreign key's actions out (its snapshot keeps them)
            "20261203140401_create_table", "CREATE TABLE `tags` (\n\t`id` bigint unsigned AUTO_INCREMENT PRIMARY KEY,\n"
                    + "\t`createdAt` timestamp NOT NULL DEFAULT (now()),\n"
                    + "\t`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,\n"
                    + "\t`name` varchar(60) NOT NULL DEFAULT '',\n\t`priority` int NOT NULL DEFAULT 0,\n"
                    + "\t`lastUsedAt` timestamp NOT NULL DEFAULT (now()),\n\t`userId` bigint unsigned NOT NULL,\n"
                    + "\tCONSTRAINT `tags_user_625ae7cf_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE"
                    + " ON UPDATE CASCADE\n);\n",
            // drizzle-kit 1.0 drops the foreign key from the new name before the RENAME, which fails
            "20261203140506_rename_table", "RENAME TABLE `tags` TO `labels`;--> statement-breakpoint\n"
                    + "ALTER TABLE `labels` DROP CONSTRAINT `tags_user_625ae7cf_fk`;--> statement-breakpoint\n"
                    + "DROP INDEX `tags_user_625ae7cf_fk` ON `labels`--> statement-breakpoint\n"
                    + "ALTER TABLE `labels` ADD CONSTRAINT `labels_user_39286c0b_fk` FOREIGN KEY (`userId`) REFERENCES"
                    + " `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;");

    @Test
    void everyStepIsDrizzleKit1sSqlButForOurFixes() throws IOException {
        List<Path> v1;
        try (Stream<Path> folders = Files.list(SERIES.resolve("expected-v1/migrations"))) {
            v1 = folders.sorted().toList();
        }
        Snapshot previous = Snapshot.EMPTY;
        for (int step = 0; step < v1.size(); step++) {
            Path zeroX = SERIES.resolve(String.format("expected/migrations/meta/%04d_snapshot.json", step));
            Snapshot next = SnapshotJson.read(zeroX, Files.readString(zeroX));
            MigrationPlan plan = SnapshotDiff.between(previous, next.tables(), declared(next), false);
            String name = v1.get(step).getFileName().toString();
            String drizzleKit = Files.readString(v1.get(step).resolve("migration.sql"));
            assertEquals(OUR_FIXES.getOrDefault(name, drizzleKit), DdlWriter.migrationText(DrizzleKit1Sql.statements(plan,
                    previous)), name);
            previous = next;
        }
    }

    /** The renames a step's snapshot records, as the schemas declare them. */
    private static Renames declared(Snapshot snapshot) {
        Map<String, String> tables = new LinkedHashMap<>();
        snapshot.renamedTables().forEach((old, renamed) -> tables.put(renamed, old));
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        snapshot.renamedColumns().forEach((old, renamed) -> columns.computeIfAbsent(renamed.substring(0, renamed.indexOf('.')),
                table -> new LinkedHashMap<>()).put(renamed.substring(renamed.indexOf('.') + 1), old.substring(old.indexOf('.') + 1)));
        return new Renames(tables, columns, Map.of());
    }
}
