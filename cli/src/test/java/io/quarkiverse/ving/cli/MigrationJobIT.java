package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The containerised migration job, run as the container would run it: its image laid out from the Dockerfile into an
 * empty directory, its entrypoint started there with nothing but VING_MYSQL (and java on PATH, as the base image has).
 */
class MigrationJobIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private final PackagedCli ving = new PackagedCli("ving_migration_job_it");

    @TempDir
    Path emptyRoot;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        ving.resetDatabase();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        ving.dropDatabase();
    }

    private PackagedCli.Result runJob(ContainerImage image, String vingMysql) throws Exception {
        return PackagedCli.finish(image.run(Map.of("VING_MYSQL", vingMysql)));
    }

    private void assertTheJobMigratesAnEmptyDatabaseAndFailsLoudly(ContainerImage image) throws Exception {
        String database = "mysql://root@" + PackagedCli.HOST + "/ving_migration_job_it";
        PackagedCli.Result first = runJob(image, database);
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("Applied 1 migration to root@"), first.output());
        assertEquals(List.of("apikeys", "cronjobs", "s3files", "users"),
                ving.query("select table_name from information_schema.tables where table_schema = database() "
                        + "and table_name not like '\\_\\_%' order by table_name"));
        assertEquals(List.of("1"), ving.query("select count(*) from __drizzle_migrations"));

        PackagedCli.Result again = runJob(image, database);
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("No pending migrations"), again.output());

        PackagedCli.Result unreachable = runJob(image, "mysql://root@127.0.0.1:1/nothing");
        assertEquals(ExitCodes.DATABASE_ERROR, unreachable.exitCode(), "a failed run fails the Job: " + unreachable.output());

        PackagedCli.Result unset = PackagedCli.finish(image.run(Map.of()));
        assertEquals(ExitCodes.BAD_INPUT, unset.exitCode(), "no VING_MYSQL fails the Job: " + unset.output());
        assertTrue(unset.output().startsWith("VING_MYSQL is not set."), unset.output());
    }

    @Test
    void theJvmImageMigratesFromAnEmptyDirectory() throws Exception {
        ContainerImage image = ContainerImage.build(PROJECT.resolve("src/main/docker/Dockerfile.jvm"), PROJECT, emptyRoot);
        try (Stream<Path> files = Files.list(emptyRoot)) {
            assertEquals(List.of("deployments"), files.map(file -> file.getFileName().toString()).toList(),
                    "the job brings everything it needs in /deployments");
        }
        assertTheJobMigratesAnEmptyDatabaseAndFailsLoudly(image);
    }

    @Test
    void theNativeImageMigratesFromAnEmptyDirectory() throws Exception {
        boolean built;
        try (Stream<Path> files = Files.list(PROJECT.resolve("cli/target"))) {
            built = files.anyMatch(file -> file.getFileName().toString().endsWith("-runner"));
        }
        assumeTrue(built, "the native executable is built by -Dnative (docs/deployment.md)");
        assertTheJobMigratesAnEmptyDatabaseAndFailsLoudly(
                ContainerImage.build(PROJECT.resolve("src/main/docker/Dockerfile.native"), PROJECT, emptyRoot));
    }
}
