package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.quarkiverse.ving.sql.Orm.as;
import static io.quarkiverse.ving.sql.Orm.sql;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** {@code .iterator()}: a large result as a Multi, read as asked for, its connection released whatever happens. */
class VingDbStreamTest {

    private static final String HOST = TestDatabase.HOST;
    private static final String DATABASE = "ving_db_stream_test";
    private static final int ROWS = 200_000;
    private static final int NOTE_LENGTH = 500;

    private static final Table CRONJOBS = TableMapper.tables(SchemaDirectory.load(java.nio.file.Path.of("../src/main/ving")))
            .stream().filter(t -> t.name().equals("cronjobs")).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    private static final Column<Long> ID = (Column<Long>) CRONJOBS.column("id").orElseThrow();
    @SuppressWarnings("unchecked")
    private static final Column<String> HANDLER = (Column<String>) CRONJOBS.column("handler").orElseThrow();
    @SuppressWarnings("unchecked")
    private static final Column<String> NOTE = (Column<String>) CRONJOBS.column("note").orElseThrow();

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.appOnOwnDatabase(DATABASE)
            .overrideConfigKey("quarkus.ving.migrate-at-start", "true")
            // one connection: a stream that kept its connection would block the next one
            .overrideConfigKey("quarkus.datasource.jdbc.max-size", "1")
            .overrideConfigKey("quarkus.datasource.jdbc.acquisition-timeout", "5s")
            .overrideConfigKey("quarkus.datasource.reactive.max-size", "1");

    @Inject
    VingDb db;

    @Inject
    AgroalDataSource dataSource;

    /**
     * 200,000 rows of over 500 bytes each, written once: more than the test JVM's heap (-Xmx128m, see the pom) could
     * hold at once, so a stream that kept its rows would fail with an OutOfMemoryError.
     */
    private void fill() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            java.sql.ResultSet count = statement.executeQuery("select count(*) from cronjobs");
            count.next();
            if (count.getLong(1) != ROWS) {
                statement.execute("delete from cronjobs");
                statement.execute("insert into cronjobs (id, handler, note, publicId) select seq, concat('h', seq), "
                        + "repeat('n', " + NOTE_LENGTH + "), uuid() from seq_1_to_" + ROWS);
            }
        }
    }

    @Test
    void everyRowArrivesOnceInASmallHeapAndTheConnectionIsReleased() throws SQLException {
        fill();
        BitSet seen = new BitSet(ROWS + 1);
        AtomicLong count = new AtomicLong();
        db.select().from(CRONJOBS).iterator()
                .onItem().invoke(row -> {
                    long id = row.get(ID);
                    assertFalse(seen.get((int) id), "row " + id + " arrived twice");
                    seen.set((int) id);
                    assertEquals("h" + id, row.get(HANDLER));
                    assertEquals(NOTE_LENGTH, row.get(NOTE).length());
                    count.incrementAndGet();
                })
                .collect().last().await().atMost(Duration.ofMinutes(2));
        assertEquals(ROWS, count.get());
        assertEquals(ROWS, seen.cardinality());
        assertReleased();
    }

    @Test
    void rowsAreReadAsTheyAreAskedFor() throws SQLException {
        fill();
        AssertSubscriber<Row> subscriber = db.select(ID).from(CRONJOBS).orderBy(ID).iterator()
                .subscribe().withSubscriber(AssertSubscriber.create(3));
        subscriber.awaitItems(3);
        assertEquals(List.of(1L, 2L, 3L), subscriber.getItems().stream().map(row -> row.get(ID)).toList());
        subscriber.request(2).awaitItems(5);
        subscriber.cancel();
        assertReleased();
    }

    @Test
    void aCancelledStreamReleasesItsConnectionAtOnce() throws SQLException {
        fill();
        List<Row> first = db.select().from(CRONJOBS).iterator().select().first(10).collect().asList()
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(10, first.size());
        assertReleased();
    }

    @Test
    void aQueryThatFailsFailsTheStreamAndReleasesItsConnection() {
        Throwable error = assertThrows(RuntimeException.class, () -> db.select(as("x", sql("no_such_function()")))
                .from(CRONJOBS).iterator().collect().asList().await().atMost(Duration.ofSeconds(30)));
        assertTrue(error.getMessage().contains("Streaming the result of `select no_such_function()"), error.getMessage());
        assertReleased();
    }

    @Test
    void aConnectionKilledMidStreamFailsTheStreamAndThePoolServesTheNextQuery() throws Exception {
        fill();
        // every column: a result far larger than the socket buffers, so the server is still sending when killed
        AssertSubscriber<Row> subscriber = db.select().from(CRONJOBS).iterator()
                .subscribe().withSubscriber(AssertSubscriber.create(1));
        try {
            subscriber.awaitItems(1);
            TestDatabase.executeOnServer("kill connection " + streamingConnection());
            subscriber.request(Long.MAX_VALUE);
            subscriber.awaitFailure(Duration.ofSeconds(30));
        } finally {
            subscriber.cancel();
        }
        assertTrue(subscriber.getFailure().getMessage().contains("Streaming the result of `select `cronjobs`.`id`, `cronjobs`.`createdAt`"),
                subscriber.getFailure().getMessage());
        assertEquals(1, db.select(ID).from(CRONJOBS).limit(1).execute().await().atMost(Duration.ofSeconds(10)).size());
        assertEquals(3, db.select(ID).from(CRONJOBS).limit(3).iterator().collect().asList().await().atMost(Duration.ofSeconds(10))
                .size(), "the next stream gets a working connection");
    }

    @Test
    void theCursorMechanismStreamsEveryRowOnceAndReleasesItsConnection() throws SQLException {
        fill();
        VingDb cursors = db.streamingWith(VingDb.StreamMechanism.CURSOR);
        AtomicLong sum = new AtomicLong();
        AtomicLong count = new AtomicLong();
        cursors.select(ID).from(CRONJOBS).iterator()
                .onItem().invoke(row -> {
                    sum.addAndGet(row.get(ID));
                    count.incrementAndGet();
                })
                .collect().last().await().atMost(Duration.ofMinutes(2));
        assertEquals(ROWS, count.get());
        assertEquals((long) ROWS * (ROWS + 1) / 2, sum.get(), "every id once");
        // a pool of one reactive connection: the next query proves the stream gave its back
        assertEquals(1, db.select(ID).from(CRONJOBS).limit(1).execute().await().atMost(Duration.ofSeconds(10)).size());
        List<Row> first = cursors.select().from(CRONJOBS).iterator().select().first(10).collect().asList()
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(10, first.size());
        assertEquals(1, db.select(ID).from(CRONJOBS).limit(1).execute().await().atMost(Duration.ofSeconds(10)).size(),
                "a cancelled cursor stream released its connection");
    }

    /** The server's id of the connection streaming the cronjobs rows. */
    private static long streamingConnection() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("select id from information_schema.processlist "
                        + "where info like 'select `cronjobs`.`id`, %' and db = '" + DATABASE + "'")) {
            assertTrue(result.next(), "the stream's query is running");
            return result.getLong(1);
        }
    }

    /** With a pool of one, getting a connection proves the stream gave its own back. */
    private void assertReleased() {
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(connection.isValid(5));
        } catch (SQLException e) {
            throw new AssertionError("the stream did not release its connection: " + e.getMessage(), e);
        }
    }
}
