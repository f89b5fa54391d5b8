package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight {@code ving drizzle --up} processes started together on an empty database: all succeed, and every
 * migration, a data-only one included, is applied exactly once.
 */
class ConcurrentUpIT {

    private static final int PROCESSES = 8;
    private final PackagedCli ving = new PackagedCli("ving_concurrent_up_it");

    @TempDir
    Path work;

    @AfterEach
    void dropDatabase() throws SQLException {
        ving.dropDatabase();
    }

    @Test
    void eightProcessesApplyEachMigrationOnce() throws Exception {
        ving.resetDatabase();
        String schemas = "../src/main/ving";
        String migrations = work.resolve("migrations").toString();
        assertEquals(0, ving.run("drizzle", "--prepare", "--schemas", schemas, "--migrations", migrations).exitCode());
        assertEquals(0, ving.run("drizzle", "--prepare", "--custom", "--name", "seed", "--schemas", schemas,
                "--migrations", migrations).exitCode());
        Files.writeString(work.resolve("migrations/0001_seed.sql"), "insert into cronjobs (schedule, handler, note, publicId) "
                + "values ('* * * * *', 'Seed', '', uuid())--> statement-breakpoint\nselect sleep(0.5)", StandardCharsets.UTF_8);

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(ving.start(List.of("drizzle", "--up", "--migrations", migrations)));
        }
        for (Process process : processes) {
            PackagedCli.Result result = PackagedCli.finish(process);
            assertEquals(0, result.exitCode(), result.output());
        }
        assertEquals(List.of("2"), ving.query("select count(*) from __drizzle_migrations"));
        assertEquals(List.of("2"), ving.query("select count(distinct created_at) from __drizzle_migrations"));
        assertEquals(List.of("1"), ving.query("select count(*) from cronjobs where handler = 'Seed'"));
    }
}
