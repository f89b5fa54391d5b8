package io.quarkiverse.ving.deployment;

import static io.quarkiverse.ving.sql.Orm.and;
import static io.quarkiverse.ving.sql.Orm.as;
import static io.quarkiverse.ving.sql.Orm.asc;
import static io.quarkiverse.ving.sql.Orm.condition;
import static io.quarkiverse.ving.sql.Orm.count;
import static io.quarkiverse.ving.sql.Orm.desc;
import static io.quarkiverse.ving.sql.Orm.eq;
import static io.quarkiverse.ving.sql.Orm.inArray;
import static io.quarkiverse.ving.sql.Orm.like;
import static io.quarkiverse.ving.sql.Orm.select;
import static io.quarkiverse.ving.sql.Orm.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.sql.Condition;
import io.quarkiverse.ving.sql.QueryFailedException;
import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.sql.SelectQuery;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.sql.WriteResult;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The query layer against MariaDB: what ving's own Drizzle tests exercise, plus joins, transactions, large inArray,
 * values carrying SQL metacharacters and unicode, and the decoding of every column type.
 */
class VingDbTest {

    private static final String HOST = TestDatabase.HOST;
    private static final String DATABASE = "ving_db_test";

    /** The reference tables, as the generated classes hold them. */
    private static final Map<String, Table> TABLES = new LinkedHashMap<>();
    static {
        TableMapper.tables(SchemaDirectory.load(java.nio.file.Path.of("../src/main/ving"))).forEach(t -> TABLES.put(t.name(), t));
    }
    private static final Table USERS = TABLES.get("users");
    private static final Table APIKEYS = TABLES.get("apikeys");
    private static final Table CRONJOBS = TABLES.get("cronjobs");

    @SuppressWarnings("unchecked")
    private static <T> Column<T> column(Table table, String name) {
        return (Column<T>) table.column(name).orElseThrow();
    }

    private static final Column<Long> ID = column(USERS, "id");
    private static final Column<String> USERNAME = column(USERS, "username");
    private static final Column<String> EMAIL = column(USERS, "email");
    private static final Column<String> REAL_NAME = column(USERS, "realName");
    private static final Column<Boolean> ADMIN = column(USERS, "admin");
    private static final Column<String> DISPLAY = column(USERS, "useAsDisplayName");
    private static final Column<String> BIO = column(USERS, "bio");
    private static final Column<LocalDateTime> CREATED_AT = column(USERS, "createdAt");
    private static final Column<String> KEY_NAME = column(APIKEYS, "name");
    private static final Column<String> KEY_URL = column(APIKEYS, "url");
    private static final Column<String> KEY_REASON = column(APIKEYS, "reason");
    private static final Column<Long> KEY_USER = column(APIKEYS, "userId");
    private static final Column<String> PARAMS = column(CRONJOBS, "params");
    private static final Column<Boolean> ENABLED = column(CRONJOBS, "enabled");
    private static final Column<Long> RUN_COUNT = column(CRONJOBS, "runCount");
    private static final Column<LocalDateTime> LAST_RUN = column(CRONJOBS, "lastRunAt");

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.appOnOwnDatabase(DATABASE)
            .overrideConfigKey("VING_MYSQL", "mysql://root@" + HOST + "/" + DATABASE + "?log=yes")
            .overrideConfigKey("quarkus.ving.migrate-at-start", "true");

    @Inject
    VingDb db;

    @BeforeEach
    void emptyTables() {
        db.delete(APIKEYS).execute().await().indefinitely();
        db.delete(USERS).execute().await().indefinitely();
    }

    private long insertUser(String username, String realName, boolean admin) {
        Map<Column<?>, Object> row = new LinkedHashMap<>();
        row.put(USERNAME, username);
        row.put(EMAIL, username + "@example.com");
        row.put(REAL_NAME, realName);
        row.put(ADMIN, admin);
        row.put(BIO, "");
        WriteResult result = db.insert(USERS).values(row).execute().await().indefinitely();
        assertEquals(1, result.affectedRows());
        return result.insertId();
    }

    private static <T> List<T> column(List<Row> rows, Column<T> column) {
        List<T> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(column)));
        return values;
    }

    @Test
    void jsonBooleansUnsignedBigintsAndDatetimesDecode() {
        db.delete(CRONJOBS).execute().await().indefinitely();
        Map<Column<?>, Object> job = new LinkedHashMap<>();
        job.put(PARAMS, "{\"every\":[1,2],\"label\":\"né\"}");
        job.put(column(CRONJOBS, "note"), "");
        job.put(column(CRONJOBS, "publicId"), "3f0c2a4e-0000-4000-8000-000000000001");
        job.put(RUN_COUNT, 18_000_000_000L);
        job.put(LAST_RUN, LocalDateTime.of(2026, 11, 22, 10, 15, 30));
        db.insert(CRONJOBS).values(job).execute().await().indefinitely();
        Row row = db.select().from(CRONJOBS).execute().await().indefinitely().get(0);
        assertEquals("{\"every\":[1,2],\"label\":\"né\"}", row.get(PARAMS));
        assertEquals(true, row.get(ENABLED), "the schema's default, true");
        assertEquals(18_000_000_000L, row.get(RUN_COUNT));
        assertEquals(LocalDateTime.of(2026, 11, 22, 10, 15, 30), row.get(LAST_RUN));
        db.delete(CRONJOBS).execute().await().indefinitely();
    }

    @Test
    void insertReportsAffectedRowsAndTheNewId() {
        long first = insertUser("fred", "Fred", false);
        long second = insertUser("wilma", "Wilma", false);
        assertEquals(first + 1, second);
    }

    @Test
    void selectWhere() {
        insertUser("joe", "Joe", false);
        insertUser("ann", "Ann", true);
        List<Row> rows = db.select().from(USERS).where(eq(EMAIL, "joe@example.com")).execute().await().indefinitely();
        assertEquals(List.of("Joe"), column(rows, REAL_NAME));
        assertEquals(false, rows.get(0).get(ADMIN));
        assertEquals("username", rows.get(0).get(DISPLAY));
        assertTrue(rows.get(0).get(CREATED_AT).isAfter(LocalDateTime.now().minusDays(2)));
    }

    @Test
    void countThroughTemplatesAndAggregates() {
        insertUser("a", "A", false);
        insertUser("b", "B", true);
        Row row = db.select(as("count", sql("count(*)").as(Long.class)), as("admins", sql("sum({})", ADMIN).as(Long.class)))
                .from(USERS).execute().await().indefinitely().get(0);
        assertEquals(2L, row.get("count", Long.class));
        assertEquals(1L, row.get("admins", Long.class));
        assertEquals(2L, db.select(count(ID)).from(USERS).execute().await().indefinitely().get(0).get(count(ID)));
    }

    @Test
    void aWherePassedInAsAValueOrAsSqlOrWrapped() {
        insertUser("fred", "Fred Flintstone", false);
        insertUser("freda", "Freda", true);
        insertUser("barney", "Barney", true);
        Condition freds = like(REAL_NAME, "Fred%");
        assertEquals(2, db.select().from(USERS).where(freds).execute().await().indefinitely().size());
        assertEquals(1, db.select().from(USERS).where(and(freds, eq(ADMIN, true))).execute().await().indefinitely().size());
        assertEquals(List.of("Barney"), column(db.select().from(USERS).where(condition(sql("{} = {}", USERNAME, "barney")))
                .execute().await().indefinitely(), REAL_NAME));
    }

    @Test
    void orderByGroupByAndLimitOnAPassedInQuery() {
        insertUser("c", "Carl", false);
        insertUser("a", "Ann", true);
        insertUser("b", "Bob", true);
        assertEquals(List.of("Ann", "Bob", "Carl"),
                column(db.select().from(USERS).orderBy(asc(REAL_NAME)).execute().await().indefinitely(), REAL_NAME));
        assertEquals(List.of("Bob", "Ann", "Carl"), column(db.select().from(USERS).orderBy(desc(ADMIN), desc(USERNAME))
                .execute().await().indefinitely(), REAL_NAME));
        List<Row> groups = db.select(ADMIN, as("n", count())).from(USERS).groupBy(ADMIN).orderBy(ADMIN).execute().await()
                .indefinitely();
        assertEquals(List.of(false, true), column(groups, ADMIN));
        assertEquals(List.of(1L, 2L), groups.stream().map(row -> row.get("n", Long.class)).toList());
        SelectQuery passedIn = select().from(USERS).orderBy(REAL_NAME);
        assertEquals(List.of("Ann"), column(db.run(passedIn.limit(1)).await().indefinitely(), REAL_NAME));
    }

    @Test
    void updateAndDeleteReportAffectedRows() {
        long id = insertUser("joe", "Joe", false);
        insertUser("ann", "Ann", false);
        assertEquals(1, db.update(USERS).set(Map.of(REAL_NAME, "Joseph")).where(eq(ID, id)).execute().await().indefinitely()
                .affectedRows());
        assertEquals(List.of("Joseph"), column(db.select(REAL_NAME).from(USERS).where(eq(ID, id)).execute().await().indefinitely(),
                REAL_NAME));
        assertEquals(2, db.delete(USERS).where(inArray(USERNAME, List.of("joe", "ann"))).execute().await().indefinitely()
                .affectedRows());
    }

    @Test
    void joins() {
        long joe = insertUser("joe", "Joe", false);
        insertUser("ann", "Ann", false);
        Map<Column<?>, Object> key = new LinkedHashMap<>();
        key.put(KEY_NAME, "build server");
        key.put(KEY_URL, "https://ci.example.com");
        key.put(KEY_REASON, "");
        key.put(KEY_USER, joe);
        db.insert(APIKEYS).values(key).execute().await().indefinitely();
        List<Row> inner = db.select(REAL_NAME, KEY_NAME).from(USERS).innerJoin(APIKEYS, eq(KEY_USER, ID)).execute().await()
                .indefinitely();
        assertEquals(1, inner.size());
        assertEquals("build server", inner.get(0).get(KEY_NAME));
        List<Row> left = db.select(REAL_NAME, KEY_NAME).from(USERS).leftJoin(APIKEYS, eq(KEY_USER, ID)).orderBy(REAL_NAME)
                .execute().await().indefinitely();
        assertEquals(List.of("Ann", "Joe"), column(left, REAL_NAME));
        assertEquals(null, left.get(0).get(KEY_NAME));
    }

    @Test
    void aTransactionRollsBackWhenItFails() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> db.transaction(tx -> tx.insert(USERS)
                .values(Map.of(USERNAME, "ghost", EMAIL, "ghost@example.com", REAL_NAME, "Ghost", BIO, ""))
                .execute()
                .chain(ignored -> tx.insert(USERS).values(Map.of(USERNAME, "ghost", EMAIL, "ghost@example.com", REAL_NAME, "Twice",
                        BIO, "")).execute()))
                .await().indefinitely());
        assertTrue(failure.getMessage().contains("Duplicate entry"), failure.getMessage());
        assertTrue(failure instanceof QueryFailedException, failure.getClass().getName());
        assertEquals(0, db.select().from(USERS).execute().await().indefinitely().size());
        db.transaction(tx -> tx.insert(USERS).values(Map.of(USERNAME, "kept", EMAIL, "kept@example.com", REAL_NAME, "Kept", BIO, ""))
                .execute()).await().indefinitely();
        assertEquals(1, db.select().from(USERS).execute().await().indefinitely().size());
    }

    @Test
    void aStatementTheServerRefusesNamesItselfAndTheServersErrorButNotItsValues() {
        QueryFailedException failure = assertThrows(QueryFailedException.class, () -> db.select(as("x", sql("no_such_function({})",
                "secret value"))).from(USERS).execute().await().indefinitely());
        assertTrue(failure.getMessage().startsWith("`select no_such_function(?) as `x` from `users`` failed: FUNCTION "),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith(" does not exist (MySQL error 1305, SQLSTATE 42000)"), failure.getMessage());
        assertFalse(failure.getMessage().contains("secret value"), failure.getMessage());
        assertEquals(1305, failure.errorCode());
        assertEquals("42000", failure.sqlState());
        assertEquals("select no_such_function(?) as `x` from `users`", failure.sql());
    }

    @Test
    void inArrayWithTenThousandValues() {
        insertUser("needle", "Needle", false);
        List<String> names = new ArrayList<>(LongStream.range(0, 9_999).mapToObj(i -> "user" + i).toList());
        names.add("needle");
        assertEquals(List.of("Needle"), column(db.select(REAL_NAME).from(USERS).where(inArray(USERNAME, names)).execute().await()
                .indefinitely(), REAL_NAME));
    }

    @Test
    void valuesWithMetacharactersAndUnicodeRoundTrip() {
        String nasty = "O'Brien \"the\" `quoted`; drop table users; -- \\ % _ 😀 ü 名前";
        long id = insertUser("nasty", nasty, false);
        assertEquals(List.of(nasty), column(db.select(REAL_NAME).from(USERS).where(eq(REAL_NAME, nasty)).execute().await()
                .indefinitely(), REAL_NAME));
        assertEquals(List.of(id), column(db.select(ID).from(USERS).where(like(REAL_NAME, "O'Brien%")).execute().await().indefinitely(), ID));
    }
}
