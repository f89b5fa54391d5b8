package io.quarkiverse.ving.sql;

import static io.quarkiverse.ving.sql.Orm.as;
import static io.quarkiverse.ving.sql.Orm.count;
import static io.quarkiverse.ving.sql.Orm.eq;
import static io.quarkiverse.ving.sql.Orm.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.connection.VingMysql;
import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.Table;

/** ving's {@code useDB()} outside CDI: a database from {@code VING_MYSQL}, queried and streamed like the injected one. */
class StandaloneDbTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_standalone_db_test");
    private static final String SETTING = "mysql://root@" + TestDatabase.HOST + "/ving_standalone_db_test";

    @BeforeAll
    static void createTable() throws SQLException {
        DATABASE.reset();
        DATABASE.execute("create table `notes` (`id` bigint unsigned primary key, `text` varchar(60) not null)");
        DATABASE.execute("insert into `notes` select seq, concat('note ', seq) from seq_1_to_500");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }

    @Test
    void anOpenedDatabaseQueriesWritesAndStreams() {
        try (StandaloneDb standalone = StandaloneDb.open(VingMysql.parse(SETTING))) {
            VingDb db = standalone.db();
            Table notes = notes();
            @SuppressWarnings("unchecked")
            Column<Long> id = (Column<Long>) notes.column("id").orElseThrow();
            @SuppressWarnings("unchecked")
            Column<String> text = (Column<String>) notes.column("text").orElseThrow();

            assertEquals(1, db.insert(notes).values(Map.of(id, 501L, text, "added")).execute()
                    .await().atMost(Duration.ofSeconds(10)).affectedRows());
            List<Row> rows = db.select(as("n", count())).from(notes).execute().await().atMost(Duration.ofSeconds(10));
            assertEquals(501L, rows.get(0).get("n", Long.class));
            List<Row> streamed = db.select(text).from(notes).orderBy(text).iterator().select().first(2).collect().asList()
                    .await().atMost(Duration.ofSeconds(10));
            assertEquals(List.of("added", "note 1"), streamed.stream().map(row -> row.get(text)).toList());
            assertEquals(1, db.delete(notes).where(eq(id, 501L)).execute().await().atMost(Duration.ofSeconds(10))
                    .affectedRows());
        }
    }

    @Test
    void useDbIsOneDatabaseForTheProcessReadFromVingMysql() {
        String before = System.getProperty(VingMysql.VARIABLE);
        System.setProperty(VingMysql.VARIABLE, SETTING);
        try {
            VingDb db = StandaloneDb.useDB();
            assertSame(db, StandaloneDb.useDB());
            assertEquals(500L, db.select(as("n", sql("count(*)"))).from(notes()).execute().await()
                    .atMost(Duration.ofSeconds(10)).get(0).get("n", Long.class));
        } finally {
            restore(before);
        }
    }

    @Test
    void aMalformedSettingIsRefusedWithoutItsPassword() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StandaloneDb.open(VingMysql.parse("mysql://joe:secret@db.example.com")));
        assertTrue(error.getMessage().startsWith("VING_MYSQL is not a valid connection URL: it names no database"),
                error.getMessage());
        assertTrue(!error.getMessage().contains("secret"), error.getMessage());
    }

    private static Table notes() {
        return new Table("notes", "Note", List.of(
                Column.of("notes", "id", ColumnType.BIGINT_UNSIGNED, Long.class).primaryKey(),
                Column.of("notes", "text", ColumnType.varchar(60), String.class).notNull()), List.of(), List.of());
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(VingMysql.VARIABLE);
        } else {
            System.setProperty(VingMysql.VARIABLE, before);
        }
    }
}
