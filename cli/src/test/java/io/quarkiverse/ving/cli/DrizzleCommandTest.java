package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code ving drizzle --export | --tables}. */
@QuarkusMainTest
class DrizzleCommandTest {

    @TempDir
    Path work;

    @Test
    @Launch({ "drizzle", "--export", "--schemas", SchemaValidateCommandTest.REFERENCE_SCHEMAS })
    void exportPrintsWhatDrizzleKitExportPrints(LaunchResult result) throws IOException {
        String drizzleKit = Files.readString(Path.of("../src/test/drizzle-kit/expected/export.sql"));
        // the launcher's captured output drops the final line break
        assertEquals(drizzleKit.stripTrailing(), result.getOutput());
    }

    @Test
    void tablesWritesOneClassPerKind(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult result = launcher.launch("drizzle", "--tables", "--schemas", SchemaValidateCommandTest.REFERENCE_SCHEMAS,
                "--out", work.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Path packageDir = work.resolve("ving/drizzle/schema");
        try (Stream<Path> files = Files.list(packageDir)) {
            assertEquals(List.of("APIKeyTable.java", "CronJobTable.java", "S3FileTable.java", "UserTable.java"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(packageDir.resolve("UserTable.java"))
                .contains("public static final Column<String> email = "));
    }

    @Test
    void tablesTakesAPackage(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult result = launcher.launch("drizzle", "-t", "--schemas", SchemaValidateCommandTest.REFERENCE_SCHEMAS,
                "--out", work.toString(), "--package", "com.example.db");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(Files.readString(work.resolve("com/example/db/UserTable.java")).startsWith("package com.example.db;"));
    }

    @Test
    void anInvalidSchemaStopsTheCommand(QuarkusMainLauncher launcher) throws IOException {
        Files.writeString(work.resolve("Gizmo.mjs"), "export const gizmoSchema = { kind: 'Gizmo', tableName: 'gizmo', owner: [], props: [] };");
        LaunchResult result = launcher.launch("drizzle", "--export", "--schemas", work.toString());
        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertEquals(work.resolve("Gizmo.mjs") + ":1: Schema Gizmo tableName does not end with an s.\n"
                + "Fix the schemas first; `ving schema --validate` lists every problem.", result.getErrorOutput());
    }

    @Test
    @Launch(value = { "drizzle", "--export", "--schemas", "no/such/folder" }, exitCode = 2)
    void aMissingSchemaFolderIsNamed(LaunchResult result) {
        assertEquals("no/such/folder: There is no schema folder here; point --schemas (or quarkus.ving.schemas) at the "
                + "folder of ving schema files.\nFix the schemas first; `ving schema --validate` lists every problem.",
                result.getErrorOutput());
    }

    @Test
    @Launch(value = { "drizzle" }, exitCode = 2)
    void aDrizzleCommandNeedsAnAction(LaunchResult result) {
        assertTrue(result.getErrorOutput().startsWith("Error: Missing required argument (specify one of these): (-t | -e | -p | -u | -d[=N] | --check | --upgrade | -s)"),
                result.getErrorOutput());
    }

    @Test
    @Launch({ "--version" })
    void printsItsVersion(LaunchResult result) {
        assertTrue(result.getOutput().startsWith("ving (quarkus-ving) "), result.getOutput());
    }

    @Test
    @Launch({ "--help" })
    void helpListsTheCommandsAndTheExitCodes(LaunchResult result) {
        assertTrue(result.getOutput().contains("Commands:"), result.getOutput());
        assertTrue(result.getOutput().contains("Exit codes:"), result.getOutput());
        assertTrue(result.getOutput().contains("3    database error"), result.getOutput()); // aligned with 70
        assertTrue(result.getOutput().contains("70   an unexpected error (a bug in ving)"), result.getOutput());
    }

    @Test
    @Launch({ "drizzle", "--help" })
    void aCommandsHelpHasExamples(LaunchResult result) {
        assertTrue(result.getOutput().contains("Examples:\n  ving drizzle --tables "), result.getOutput());
    }

    @Test
    @Launch(value = { "drizzle", "--export", "--bogus" }, exitCode = 2)
    void anUnknownOptionIsBadInput(LaunchResult result) {
        assertTrue(result.getErrorOutput().startsWith("Unknown option: '--bogus'"), result.getErrorOutput());
    }
}
