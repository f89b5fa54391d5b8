package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed inputs, as a careless user or a broken deploy script gives them: schemas in both forms,
 * {@code VING_MYSQL} values, migrations folders and journals, and edits to an applied folder. For each, the packaged
 * command must exit with the documented status, name the culprit, print no stack trace, and change neither the
 * project's files nor the database.
 */
class MalformedInputIT {

    private static final PackagedCli VING = new PackagedCli("ving_malformed_input_it");

    /** A stack frame, or an exception class printed as such. */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|\\.\\.\\. \\d+ more|\\w+(Exception|Error): |Caused by");

    @TempDir
    static Path work;

    /** The reference schemas with their first migration prepared and applied: what every case starts from. */
    private static Path base;

    @BeforeAll
    static void prepareAndApplyTheReferenceSchemas() throws Exception {
        VING.resetDatabase();
        base = work.resolve("base");
        Files.createDirectories(base.resolve("schemas"));
        try (Stream<Path> files = Files.list(Path.of("../src/main/ving"))) {
            for (Path file : files.toList()) {
                Files.copy(file, base.resolve("schemas").resolve(file.getFileName()));
            }
        }
        PackagedCli.Result prepared = VING.run(drizzle(base, "--prepare").toArray(String[]::new));
        assertEquals(0, prepared.exitCode(), prepared.output());
        PackagedCli.Result applied = VING.run(drizzle(base, "--up").toArray(String[]::new));
        assertEquals(0, applied.exitCode(), applied.output());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        VING.dropDatabase();
    }

    private static List<String> drizzle(Path project, String action) {
        return List.of("drizzle", action, "--schemas", project.resolve("schemas").toString(), "--migrations",
                project.resolve("migrations").toString());
    }

    /** A case's copy of the base project. */
    record Project(Path root) {
        Path schemas() {
            return root.resolve("schemas");
        }

        Path migrations() {
            return root.resolve("migrations");
        }

        Path journal() {
            return migrations().resolve("meta/_journal.json");
        }

        /** The one migration of the base project. */
        Path sql() {
            try (Stream<Path> files = Files.list(migrations())) {
                return files.filter(file -> file.toString().endsWith(".sql") && !file.toString().endsWith(".down.sql"))
                        .findFirst().orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(Path file, String text) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        void edit(Path file, UnaryOperator<String> change) throws IOException {
            String text = Files.readString(file);
            String changed = change.apply(text);
            assertFalse(text.equals(changed), "the case changes " + file);
            Files.writeString(file, changed);
        }

        void entries(String entries) throws IOException {
            write(journal(), "{\"version\": \"7\", \"dialect\": \"mysql\", \"entries\": [" + entries + "]}");
        }
    }

    private interface Setup {
        void apply(Project project) throws Exception;
    }

    /**
     * One malformed input.
     *
     * @param name what is wrong, as the test report shows it
     * @param action the drizzle action run on it
     * @param vingMysql the VING_MYSQL it runs with; null for the test's database
     * @param exit the exit status expected
     * @param culprits what the message must name (file, kind, prop, key, line, migration)
     */
    record Case(String name, String action, String vingMysql, int exit, List<String> culprits, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case schema(String name, List<String> culprits, Setup setup) {
        return new Case(name, "--prepare", null, ExitCodes.BAD_INPUT, culprits, setup);
    }

    private static Case up(String name, int exit, List<String> culprits, Setup setup) {
        return new Case(name, "--up", null, exit, culprits, setup);
    }

    private static Case status(String name, int exit, List<String> culprits, Setup setup) {
        return new Case(name, "--status", null, exit, culprits, setup);
    }

    private static Case vingMysql(String value, int exit, List<String> culprits) {
        return new Case("VING_MYSQL=" + value, "--status", value, exit, culprits, project -> {
        });
    }

    static final String GADGET_JSON = """
            {
              "kind": "Gadget",
              "tableName": "gadgets",
              "owner": ["admin"],
              "props": [
                "baseSchemaId", "baseSchemaCreatedAt", "baseSchemaUpdatedAt",
                { "type": "string", "name": "label", "required": true, "length": 60, "default": "",
                  "db": "dbVarChar", "zod": "zodString", "view": [], "edit": ["owner"] }
              ]
            }
            """;

    static final String GADGET_MJS = """
            import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar, zodString } from '../helpers.mjs';

            export const gadgetSchema = {
                kind: 'Gadget',
                tableName: 'gadgets',
                owner: ['admin'],
                props: [
                    { ...baseSchemaId },
                    { ...baseSchemaCreatedAt },
                    { ...baseSchemaUpdatedAt },
                    {
                        type: 'string',
                        name: 'label',
                        required: true,
                        length: 60,
                        default: '',
                        db: (prop) => dbVarChar(prop),
                        zod: (prop) => zodString(prop),
                        view: [],
                        edit: ['owner'],
                    },
                ],
            };
            """;

    private static Setup gadgetJson(UnaryOperator<String> change) {
        return project -> project.write(project.schemas().resolve("Gadget.json"), changed(GADGET_JSON, change));
    }

    private static Setup gadgetMjs(UnaryOperator<String> change) {
        return project -> project.write(project.schemas().resolve("Gadget.mjs"), changed(GADGET_MJS, change));
    }

    private static String changed(String text, UnaryOperator<String> change) {
        String changed = change.apply(text);
        assertFalse(text.equals(changed), "the case changes the schema");
        return changed;
    }

    private static final String LONG_NAME = "a".repeat(70);

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // Schemas, JSON form
        cases.add(schema("JSON: a syntax error", List.of("Gadget.json", ":3"),
                gadgetJson(text -> text.replace("\"tableName\": \"gadgets\",", "\"tableName\": \"gadgets\" ,,"))));
        cases.add(schema("JSON: a duplicate key", List.of("Gadget.json", "tableName", ":4"),
                gadgetJson(text -> text.replace("\"owner\": [", "\"tableName\": \"widgets\",\n  \"owner\": ["))));
        cases.add(schema("JSON: not UTF-8", List.of("Gadget.json", "UTF-8"), project -> Files.write(
                project.schemas().resolve("Gadget.json"), GADGET_JSON.replace("\"\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(schema("JSON: 100,000 nested arrays", List.of("Gadget.json", "nest"), project -> project.write(
                project.schemas().resolve("Gadget.json"), GADGET_JSON.replace("\"owner\": [\"admin\"]",
                        "\"owner\": " + "[".repeat(100_000) + "]".repeat(100_000)))));
        cases.add(schema("JSON: the top level is an array", List.of("Gadget.json"), project -> project.write(
                project.schemas().resolve("Gadget.json"), "[" + GADGET_JSON + "]")));
        cases.add(schema("JSON: an empty file", List.of("Gadget.json"), project -> project.write(
                project.schemas().resolve("Gadget.json"), "")));
        cases.add(schema("JSON: a 70-character prop name", List.of("Gadget", LONG_NAME, "64"),
                gadgetJson(text -> text.replace("\"name\": \"label\"", "\"name\": \"" + LONG_NAME + "\""))));
        cases.add(schema("JSON: a 70-character table name", List.of("Gadget.json:3", "Gadget tableName is 71 characters", "64"),
                gadgetJson(text -> text.replace("\"gadgets\"", "\"" + LONG_NAME + "s\""))));
        cases.add(schema("JSON: no kind", List.of("Gadget.json", "kind"),
                gadgetJson(text -> text.replace("\"kind\": \"Gadget\",", ""))));
        cases.add(schema("JSON: a table name not ending in s", List.of("Gadget.json:3", "Gadget tableName"),
                gadgetJson(text -> text.replace("\"gadgets\"", "\"gadget\""))));
        cases.add(schema("JSON: a MySQL keyword as table name", List.of("Gadget.json:3", "Gadget tableName", "reserved"),
                gadgetJson(text -> text.replace("\"gadgets\"", "\"values\""))));
        cases.add(schema("JSON: an unknown prop type", List.of("Gadget", "label", "type"),
                gadgetJson(text -> text.replace("\"type\": \"string\"", "\"type\": \"text\""))));
        cases.add(schema("JSON: a varchar of 300", List.of("Gadget", "label", "256"),
                gadgetJson(text -> text.replace("\"length\": 60", "\"length\": 300"))));
        cases.add(schema("JSON: an unknown column helper", List.of("Gadget", "label", "dbVarchar"),
                gadgetJson(text -> text.replace("\"db\": \"dbVarChar\"", "\"db\": \"dbVarchar\""))));
        cases.add(schema("JSON: a prop twice", List.of("Gadget", "label"), gadgetJson(text -> text.replace(
                "\"edit\": [\"owner\"] }", "\"edit\": [\"owner\"] },\n    { \"type\": \"string\", \"name\": \"label\", \"required\": true,"
                        + " \"length\": 60, \"default\": \"\", \"db\": \"dbVarChar\", \"zod\": \"zodString\", \"view\": [], \"edit\": [] }"))));
        cases.add(schema("JSON: an unknown owner role", List.of("Gadget", "owner", "wizard"),
                gadgetJson(text -> text.replace("\"owner\": [\"admin\"]", "\"owner\": [\"wizard\"]"))));
        cases.add(schema("JSON: a kind defined twice", List.of("User"),
                gadgetJson(text -> text.replace("\"Gadget\"", "\"User\""))));
        cases.add(schema("JSON: a table defined twice", List.of("Gadget", "users"),
                gadgetJson(text -> text.replace("\"gadgets\"", "\"users\""))));
        cases.add(schema("JSON: a relation to an unknown kind", List.of("Gadget.json:9", "Gadget.props.wizardId.relation.kind"), gadgetJson(text -> text.replace(
                "\"edit\": [\"owner\"] }", "\"edit\": [\"owner\"] },\n    { \"type\": \"id\", \"name\": \"wizardId\", \"required\": true,"
                        + " \"db\": \"dbRelation\", \"zod\": \"zodString\", \"view\": [], \"edit\": [],"
                        + " \"relation\": { \"type\": \"parent\", \"name\": \"wizard\", \"kind\": \"Wizard\" } }"))));
        cases.add(schema("JSON: a string default on an int", List.of("Gadget", "count"), gadgetJson(text -> text.replace(
                "\"edit\": [\"owner\"] }", "\"edit\": [\"owner\"] },\n    { \"type\": \"int\", \"name\": \"count\", \"required\": true,"
                        + " \"default\": \"many\", \"db\": \"dbInt\", \"zod\": \"zodNumber\", \"view\": [], \"edit\": [] }"))));
        cases.add(schema("JSON: an enum without enums", List.of("Gadget", "colour", "enums"), gadgetJson(text -> text.replace(
                "\"edit\": [\"owner\"] }", "\"edit\": [\"owner\"] },\n    { \"type\": \"enum\", \"name\": \"colour\", \"required\": true,"
                        + " \"default\": \"red\", \"db\": \"dbEnum\", \"zod\": \"zodString\", \"view\": [], \"edit\": [] }"))));
        // Schemas, .mjs form
        cases.add(schema(".mjs: a missing brace", List.of("Gadget.mjs"), gadgetMjs(text -> text.replace("    ],\n};", "    ],\n"))));
        cases.add(schema(".mjs: an unterminated string", List.of("Gadget.mjs", ":5"),
                gadgetMjs(text -> text.replace("tableName: 'gadgets',", "tableName: 'gadgets,"))));
        cases.add(schema(".mjs: not UTF-8", List.of("Gadget.mjs", "UTF-8"), project -> Files.write(
                project.schemas().resolve("Gadget.mjs"), GADGET_MJS.replace("default: ''", "default: 'caf\u00e9'")
                        .getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(schema(".mjs: 100,000 nested objects", List.of("Gadget.mjs", "nest"), gadgetMjs(text -> text.replace(
                "owner: ['admin'],", "owner: ['admin'], extra: " + "{a:".repeat(100_000) + "1" + "}".repeat(100_000) + ","))));
        cases.add(schema(".mjs: no schema exported", List.of("Gadget.mjs"),
                gadgetMjs(text -> text.replace("export const gadgetSchema", "const gadgetSchema"))));
        cases.add(schema(".mjs: a 70-character prop name", List.of("Gadget", LONG_NAME, "64"),
                gadgetMjs(text -> text.replace("name: 'label'", "name: '" + LONG_NAME + "'"))));
        cases.add(schema(".mjs: an index name over 64 characters", List.of("Gadget", "64"),
                gadgetMjs(text -> text.replace("name: 'label',", "name: '" + "b".repeat(60) + "', unique: true,"))));
        cases.add(schema(".mjs: a prop without a name", List.of("Gadget", "name"),
                gadgetMjs(text -> text.replace("name: 'label',", ""))));
        cases.add(schema(".mjs: an import of a helper ving lacks", List.of("Gadget.mjs", "dbVarchar"),
                gadgetMjs(text -> text.replace("dbVarChar(prop)", "dbVarchar(prop)"))));
        cases.add(schema(".mjs: a duplicate key in a prop", List.of("Gadget.mjs", "length"),
                gadgetMjs(text -> text.replace("length: 60,", "length: 60,\n                        length: 600,"))));
        cases.add(schema(".mjs: a lower-case kind", List.of("Gadget.mjs", "kind", "gadget"),
                gadgetMjs(text -> text.replace("kind: 'Gadget'", "kind: 'gadget'"))));
        cases.add(schema(".mjs: a default longer than the column", List.of("Gadget.mjs", "Gadget.props.label.default", "varchar(60)"),
                gadgetMjs(text -> text.replace("default: '',", "default: '" + "x".repeat(61) + "',"))));

        // VING_MYSQL
        cases.add(vingMysql("", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "set but empty")));
        cases.add(vingMysql("postgres://root@127.0.0.1/app", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "'postgres'")));
        cases.add(vingMysql("mysql:///app", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "host")));
        cases.add(vingMysql("mysql://root@127.0.0.1:abc/app", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "port 'abc'")));
        cases.add(vingMysql("mysql://root@127.0.0.1:0/app", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "port 0")));
        cases.add(vingMysql("mysql://root@127.0.0.1:99999/app", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "port 99999")));
        cases.add(vingMysql("mysql://root@127.0.0.1", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "database")));
        cases.add(vingMysql("mysql://127.0.0.1/app", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "user")));
        cases.add(vingMysql("mysql://root@127.0.0.1/app?log=true", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "'true'")));
        cases.add(vingMysql("mysql://root@127.0.0.1/my%3Fdb", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "'my?db'")));
        cases.add(vingMysql("mysql://root@127.0.0.1/donn%C3%A9es", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "'données'")));
        cases.add(vingMysql("mysql://root@127.0.0.1/app name", ExitCodes.BAD_INPUT, List.of("VING_MYSQL", "not a URL")));
        cases.add(vingMysql("mysql://root@" + PackagedCli.HOST + "/ving_no_such_database", ExitCodes.DATABASE_ERROR,
                List.of("ving_no_such_database")));
        cases.add(vingMysql("mysql://root@127.0.0.1:1/app", ExitCodes.DATABASE_ERROR, List.of("127.0.0.1", "1")));

        // Migrations folders
        cases.add(new Case("a missing folder (--up)", "--up", null, ExitCodes.BAD_INPUT, List.of("elsewhere", "does not exist"),
                project -> project.write(project.root().resolve("args"), "elsewhere")));
        cases.add(new Case("a missing folder (--status)", "--status", null, ExitCodes.BAD_INPUT,
                List.of("elsewhere", "does not exist"), project -> project.write(project.root().resolve("args"), "elsewhere")));
        cases.add(up("a file given as the folder", ExitCodes.BAD_INPUT, List.of("migrations", "is a file"), project -> {
            FileTrees.delete(project.migrations());
            project.write(project.migrations(), "not a folder");
        }));
        cases.add(up("a dangling link as the folder", ExitCodes.BAD_INPUT, List.of("migrations", "symbolic link"), project -> {
            FileTrees.delete(project.migrations());
            Files.createSymbolicLink(project.migrations(), project.root().resolve("gone"));
        }));
        cases.add(up("a folder of .sql files without a journal", ExitCodes.BAD_INPUT, List.of("migrations", "_journal.json"),
                project -> Files.delete(project.journal())));
        cases.add(new Case("a 1.0 migration without its snapshot (--prepare)", "--prepare", null, ExitCodes.BAD_INPUT,
                List.of("20261203140358_initial", "no snapshot.json"), project -> {
                    FileTrees.delete(project.migrations());
                    project.write(project.migrations().resolve("20261203140358_initial/migration.sql"),
                            "CREATE TABLE `gadgets` (`id` int);");
                }));
        cases.add(new Case("a 1.0 snapshot that is not JSON (--prepare)", "--prepare", null, ExitCodes.BAD_INPUT,
                List.of("20261203140358_initial/snapshot.json", "Not a valid snapshot"), project -> {
                    FileTrees.delete(project.migrations());
                    project.write(project.migrations().resolve("20261203140358_initial/migration.sql"),
                            "CREATE TABLE `gadgets` (`id` int);");
                    project.write(project.migrations().resolve("20261203140358_initial/snapshot.json"), "{ not json");
                }));
        for (String command : List.of("--up", "--status")) {
            cases.add(new Case("a 1.0 migration folder not named after its time (" + command + ")", command, null,
                    ExitCodes.BAD_INPUT, List.of("initial", "must be named after its time", "YYYYMMDDHHMMSS"), project -> {
                        FileTrees.delete(project.migrations());
                        project.write(project.migrations().resolve("initial/migration.sql"), "CREATE TABLE `gadgets` (`id` int);");
                    }));
        }
        cases.add(up("two 1.0 migrations of the same second", ExitCodes.BAD_INPUT,
                List.of("20261203140358_a and 20261203140358_b start with the same time"), project -> {
                    FileTrees.delete(project.migrations());
                    project.write(project.migrations().resolve("20261203140358_a/migration.sql"), "CREATE TABLE `a` (`id` int);");
                    project.write(project.migrations().resolve("20261203140358_b/migration.sql"), "CREATE TABLE `b` (`id` int);");
                }));
        cases.add(up("a folder in both drizzle-kit layouts", ExitCodes.BAD_INPUT, List.of("holds both", "_journal.json",
                "20261203140358_gadgets"), project -> project.write(project.migrations().resolve(
                        "20261203140358_gadgets/migration.sql"), "CREATE TABLE `gadgets` (`id` int);")));
        cases.add(new Case("--down of a migration without its down file", "--down", null, ExitCodes.BAD_INPUT,
                List.of("0000_", ".down.sql", "has no down file"), project -> Files.delete(Path.of(project.sql().toString()
                        .replace(".sql", ".down.sql")))));
        cases.add(up("a journal entry whose .sql is missing", ExitCodes.BAD_INPUT, List.of("0000_", ".sql"),
                project -> Files.delete(project.sql())));
        cases.add(up("a migration that is not UTF-8", ExitCodes.BAD_INPUT, List.of("0000_", "UTF-8"),
                project -> Files.write(project.sql(), "create table caf\u00e9s (id int);".getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(new Case("a snapshot that is not JSON", "--prepare", null, ExitCodes.BAD_INPUT, List.of("0000_snapshot.json"),
                project -> project.write(project.migrations().resolve("meta/0000_snapshot.json"), "{ not json")));
        cases.add(new Case("a snapshot of another dialect", "--prepare", null, ExitCodes.BAD_INPUT,
                List.of("0000_snapshot.json", "postgresql"), project -> project.edit(
                        project.migrations().resolve("meta/0000_snapshot.json"), text -> text.replace("\"mysql\"", "\"postgresql\""))));
        cases.add(new Case("two snapshots following one", "--prepare", null, ExitCodes.BAD_INPUT, List.of("0001_snapshot.json",
                "0000_snapshot.json"), project -> Files.copy(project.migrations().resolve("meta/0000_snapshot.json"),
                        project.migrations().resolve("meta/0001_snapshot.json"))));
        cases.add(new Case("--prepare into a folder under a file", "--prepare", null, ExitCodes.BAD_INPUT,
                List.of("migrations/meta", "Not a directory"), project -> {
                    project.write(project.schemas().resolve("Gadget.json"), GADGET_JSON);
                    Files.delete(project.journal()); // the next migration is 0000 again
                    FileTrees.delete(project.migrations());
                    project.write(project.migrations(), "a file where the folder goes");
                }));

        // Journals
        cases.add(up("a journal that is not JSON", ExitCodes.BAD_INPUT, List.of("_journal.json"),
                project -> project.write(project.journal(), "{\"version\": \"7\", ")));
        cases.add(up("an empty journal file", ExitCodes.BAD_INPUT, List.of("_journal.json"), project -> project.write(project.journal(), "")));
        cases.add(up("a journal of another dialect", ExitCodes.BAD_INPUT, List.of("_journal.json", "mysql"),
                project -> project.edit(project.journal(), text -> text.replace("\"dialect\": \"mysql\"", "\"dialect\": \"sqlite\""))));
        cases.add(up("a journal whose entries are no array", ExitCodes.BAD_INPUT, List.of("_journal.json", "entries"),
                project -> project.write(project.journal(), "{\"version\": \"7\", \"dialect\": \"mysql\", \"entries\": {}}")));
        cases.add(up("a journal entry without a tag", ExitCodes.BAD_INPUT, List.of("_journal.json", "tag"),
                project -> project.entries("{\"idx\": 0, \"when\": 1700000000000}")));
        cases.add(up("a journal when that is a string", ExitCodes.BAD_INPUT, List.of("_journal.json", "when"),
                project -> project.entries("{\"idx\": 0, \"when\": \"yesterday\", \"tag\": \"0000_x\"}")));
        cases.add(up("a fractional when", ExitCodes.BAD_INPUT, List.of("_journal.json", "0000_x", "1.5"),
                project -> project.entries("{\"idx\": 0, \"when\": 1.5, \"tag\": \"0000_x\"}")));
        cases.add(up("a negative idx", ExitCodes.BAD_INPUT, List.of("_journal.json", "0000_x", "-1"),
                project -> project.entries("{\"idx\": -1, \"when\": 1700000000000, \"tag\": \"0000_x\"}")));
        cases.add(up("a tag leaving the folder", ExitCodes.BAD_INPUT, List.of("_journal.json", "../../etc/passwd"),
                project -> project.entries("{\"idx\": 0, \"when\": 1700000000000, \"tag\": \"../../etc/passwd\"}")));
        cases.add(up("a tag twice", ExitCodes.BAD_INPUT, List.of("_journal.json", "0000_x", "twice"), project -> project.entries(
                "{\"idx\": 0, \"when\": 1700000000000, \"tag\": \"0000_x\"}, {\"idx\": 1, \"when\": 1700000000001, \"tag\": \"0000_x\"}")));
        cases.add(up("a new migration with an applied one's when", ExitCodes.BAD_INPUT, List.of("_journal.json", "0001_copy",
                "same when"), project -> {
                    String tag = project.sql().getFileName().toString().replace(".sql", "");
                    long when = whenOf(project);
                    project.write(project.migrations().resolve("0001_copy.sql"), "create table copies (id int);");
                    project.entries("{\"idx\": 0, \"when\": " + when + ", \"tag\": \"" + tag + "\"}, {\"idx\": 1, \"when\": " + when
                            + ", \"tag\": \"0001_copy\"}");
                }));
        cases.add(status("a journal with a duplicate key", ExitCodes.BAD_INPUT, List.of("_journal.json", "dialect"),
                project -> project.edit(project.journal(), text -> text.replace("\"dialect\": \"mysql\",",
                        "\"dialect\": \"mysql\",\n  \"dialect\": \"mysql\","))));

        // An applied folder, edited afterwards: the folder disagrees with the database (exit 1, for --up and --status alike)
        cases.add(up("an applied migration edited", ExitCodes.NEEDS_ATTENTION, List.of("0000_", "has changed"),
                project -> project.edit(project.sql(), text -> text.replace("varchar(60)", "varchar(61)"))));
        cases.add(status("an applied migration edited (--status)", ExitCodes.NEEDS_ATTENTION, List.of("0000_", "modified"),
                project -> project.edit(project.sql(), text -> text.replace("varchar(60)", "varchar(61)"))));
        cases.add(up("an applied migration's when changed", ExitCodes.NEEDS_ATTENTION, List.of("0000_", "journal when"),
                project -> {
                    long when = whenOf(project);
                    project.edit(project.journal(), text -> text.replace("\"when\": " + when, "\"when\": " + (when + 1)));
                }));
        cases.add(up("another application's folder", ExitCodes.NEEDS_ATTENTION, List.of("migrations", "none of"), project -> {
            long when = whenOf(project) + 1;
            project.write(project.migrations().resolve("0000_other.sql"), "create table others (id int);");
            Files.delete(project.sql());
            project.entries("{\"idx\": 0, \"when\": " + when + ", \"tag\": \"0000_other\"}");
        }));
        cases.add(up("an emptied journal", ExitCodes.NEEDS_ATTENTION, List.of("migrations", "none of"), project -> project.entries("")));
        return cases;
    }

    private static long whenOf(Project project) throws IOException {
        var matcher = Pattern.compile("\"when\": (\\d+)").matcher(Files.readString(project.journal()));
        assertTrue(matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void theCorpusIsLargeAndItsInputsAreValidButForTheirDefect() throws Exception {
        assertTrue(corpus().size() >= 60, corpus().size() + " cases");
        // the gadgets the schema cases break are valid as they stand: each case fails for its own defect
        for (Setup gadget : List.<Setup> of(project -> project.write(project.schemas().resolve("Gadget.json"), GADGET_JSON),
                project -> project.write(project.schemas().resolve("Gadget.mjs"), GADGET_MJS))) {
            Project project = copyOfBase("valid-gadget-" + System.nanoTime());
            gadget.apply(project);
            PackagedCli.Result result = VING.run("schema", "--validate", "--schemas", project.schemas().toString());
            assertEquals(0, result.exitCode(), result.output());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAMessageNamingTheCulpritAndChangesNothing(Case input) throws Exception {
        Project project = copyOfBase(input.name().replaceAll("[^A-Za-z0-9]+", "-"));
        input.setup().apply(project);
        Path argsFile = project.root().resolve("args");
        Path migrations = Files.exists(argsFile) ? project.root().resolve(Files.readString(argsFile)) : project.migrations();
        Map<String, String> files = fingerprint(project.root());
        List<String> database = databaseFingerprint();

        List<String> arguments = List.of("drizzle", input.action(), "--schemas", project.schemas().toString(), "--migrations",
                migrations.toString());
        PackagedCli.Result result = input.vingMysql() == null ? VING.run(arguments.toArray(String[]::new))
                : PackagedCli.finish(VING.start(arguments, Map.of("VING_MYSQL", input.vingMysql())));

        assertEquals(input.exit(), result.exitCode(), result.output());
        for (String culprit : input.culprits()) {
            assertTrue(result.output().contains(culprit), "names " + culprit + ":\n" + result.output());
        }
        assertFalse(STACK_TRACE.matcher(result.output()).find(), "no stack trace:\n" + result.output());
        assertTrue(result.output().lines().count() <= 12, "a message, not a dump:\n" + result.output());
        assertEquals(files, fingerprint(project.root()), "the project's files are unchanged");
        assertEquals(database, databaseFingerprint(), "the database is unchanged");
    }

    private static Project copyOfBase(String name) throws IOException {
        Path root = work.resolve("cases").resolve(name);
        FileTrees.copy(base, root);
        return new Project(root);
    }

    /** Every file and link under the folder, with a hash of its content or its target. */
    private static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    files.put(name, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path)) {
                    files.put(name, sha256(Files.readAllBytes(path)));
                } else {
                    files.put(name, "folder");
                }
            }
        }
        return files;
    }

    /** Each table's definition and rows, in a stable order. */
    private static List<String> databaseFingerprint() throws SQLException {
        List<String> fingerprint = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + PackagedCli.HOST
                + "/ving_malformed_input_it?user=root"); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("show tables")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables.stream().sorted().toList()) {
                try (ResultSet result = statement.executeQuery("show create table `" + table + "`")) {
                    result.next();
                    fingerprint.add(result.getString(2));
                }
                try (ResultSet result = statement.executeQuery("select * from `" + table + "`")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            row.append(result.getString(i)).append('|');
                        }
                        fingerprint.add(row.toString());
                    }
                }
            }
        }
        return fingerprint;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
