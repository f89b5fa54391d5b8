package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.schema.MjsSchemaReader;

/**
 * String defaults holding what MySQL's string literals treat specially, prepared into a migration, applied to a real
 * MariaDB and read back, under each backslash mode (the session's sql_mode, which is what the server parses the
 * migration with): a row inserted with the defaults holds exactly the schema's strings, and the drift check finds
 * the database to be what the snapshot says.
 */
class LiteralRoundTripTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_literal_roundtrip");

    /** The schema as a ving application writes it, in JavaScript's escapes. */
    private static final String SCHEMA = """
            export const literalSchema = { kind: 'Literal', tableName: 'literals', props: [
                { ...baseSchemaId },
                { type: 'string', name: 'backslashes', required: true, length: 60, default: 'C:\\\\temp\\\\new', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'trailingBackslash', required: true, length: 60, default: 'trail\\\\', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'escapedWildcards', required: true, length: 60, default: '\\\\%\\\\_', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'quotes', required: true, length: 60, default: 'it\\'s "quoted"', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'nul', required: true, length: 60, default: 'a\\0b', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'whiteSpace', required: true, length: 60, default: 'tab\\there\\nnewline\\r\\nend', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'wildcards', required: true, length: 60, default: '50%_off', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'emoji', required: true, length: 60, default: 'smile 😀', db: (prop) => dbVarChar(prop) },
                { type: 'string', name: 'everything', required: true, length: 60, default: '\\\\\\'"\\0\\t\\n%_😀\\\\', db: (prop) => dbVarChar(prop) },
                { type: 'json', name: 'json', required: true, default: '{"path":"C:\\\\\\\\temp","say":"\\\\"hi\\\\"","nl":"\\\\n","smile":"😀"}', db: (prop) => dbJson(prop) },
                { type: 'enum', name: 'mood', required: true, default: '😀', enums: ["it's", 'say "hi"', '50%_off', 'tab\\there', '😀'], db: (prop) => dbEnum(prop) },
            ] };
            """;

    /** Each column's default as the schema means it. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("backslashes", "C:\\temp\\new"),
            Map.entry("trailingBackslash", "trail\\"),
            // MySQL reads a quoted \% or \_ with its backslash kept (for LIKE), unlike other escapes
            Map.entry("escapedWildcards", "\\%\\_"),
            Map.entry("quotes", "it's \"quoted\""),
            Map.entry("nul", "a\0b"),
            Map.entry("whiteSpace", "tab\there\nnewline\r\nend"),
            Map.entry("wildcards", "50%_off"),
            Map.entry("emoji", "smile 😀"),
            Map.entry("everything", "\\'\"\0\t\n%_😀\\"),
            Map.entry("json", "{\"path\":\"C:\\\\temp\",\"say\":\"\\\"hi\\\"\",\"nl\":\"\\n\",\"smile\":\"😀\"}"),
            Map.entry("mood", "😀"));

    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        DATABASE.reset();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }

    @ParameterizedTest(name = "NO_BACKSLASH_ESCAPES {0}")
    @ValueSource(booleans = { true, false })
    void defaultsReadBackExactlyAndShowNoDrift(boolean noBackslashEscapes) throws SQLException {
        DataSource dataSource = inMode(noBackslashEscapes);
        MigrationFolder folder = new MigrationFolder(work.resolve("migrations"));
        MigrationPreparer.prepare(List.of(new MjsSchemaReader().read(Path.of("Literal.mjs"), SCHEMA)), folder,
                MigrationPreparer.Options.DEFAULT, Clock.systemUTC());
        assertEquals(1, new Migrator(dataSource, folder, Duration.ofSeconds(10)).up().size());

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into literals () values ()");
            try (ResultSet row = statement.executeQuery("select * from literals")) {
                row.next();
                for (Map.Entry<String, String> column : DEFAULTS.entrySet()) {
                    assertEquals(column.getValue(), row.getString(column.getKey()), column.getKey());
                }
            }
            assertEquals(List.of(), SchemaDrift.between(connection, folder.latestSnapshot()));
        }
    }

    @ParameterizedTest(name = "fixed with NO_BACKSLASH_ESCAPES {0}")
    @ValueSource(booleans = { true, false })
    void aDefaultGarbledByDrizzleKitsQuotingIsDriftWhoseStatementRestoresIt(boolean noBackslashEscapes) throws SQLException {
        MigrationFolder folder = new MigrationFolder(work.resolve("migrations"));
        MigrationPreparer.prepare(List.of(new MjsSchemaReader().read(Path.of("Literal.mjs"), SCHEMA)), folder,
                MigrationPreparer.Options.DEFAULT, Clock.systemUTC());
        new Migrator(inMode(false), folder, Duration.ofSeconds(10)).up();
        try (Connection connection = inMode(false).getConnection(); Statement statement = connection.createStatement()) {
            // drizzle-kit's statement: C:, a tab, emp, a newline and ew without NO_BACKSLASH_ESCAPES
            statement.execute("alter table literals modify backslashes varchar(60) not null default 'C:\\temp\\new'");
        }
        try (Connection connection = inMode(noBackslashEscapes).getConnection(); Statement statement = connection.createStatement()) {
            List<String> drift = SchemaDrift.between(connection, folder.latestSnapshot());
            assertEquals(List.of("ALTER TABLE `literals` MODIFY COLUMN `backslashes` varchar(60) NOT NULL "
                    + "DEFAULT _utf8mb4 X'433A5C74656D705C6E6577';"), drift);
            statement.execute(drift.get(0));
            assertEquals(List.of(), SchemaDrift.between(connection, folder.latestSnapshot()));
        }
    }

    /**
     * Connections whose session parses with or without backslash escapes, checked on the server: the mode is set,
     * and a quoted {@code \\} reads as one backslash only without NO_BACKSLASH_ESCAPES.
     */
    private static DataSource inMode(boolean noBackslashEscapes) throws SQLException {
        String mode = noBackslashEscapes ? "NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES" : "STRICT_TRANS_TABLES";
        DataSource dataSource = new MariaDbDataSource(DATABASE.jdbcUrl() + "&sessionVariables=sql_mode='" + mode + "'");
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of(mode + "|" + (noBackslashEscapes ? "a\\\\b" : "a\\b")),
                    TestDatabase.rows(connection, "select @@session.sql_mode, 'a\\\\b'"));
        }
        return dataSource;
    }
}
