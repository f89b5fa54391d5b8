package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.gt;
import static io.quarkiverse.ving.sql.Orm.like;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.record.FindOptions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import ving.drizzle.schema.CronJobTable;
import ving.record.CronJob;
import ving.record.CronJobs;

/**
 * {@code findAll}: 200,000 records streamed under a heap too small to hold them (this class runs in its own JVM with
 * -Xmx128m, see the pom), and a pool of one connection, so a stream that kept its connection would stall the next.
 */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = {
        @ResourceArg(name = "database", value = "ving_it_find_all"),
        @ResourceArg(name = "quarkus.datasource.jdbc.max-size", value = "1"),
        @ResourceArg(name = "quarkus.datasource.jdbc.acquisition-timeout", value = "5s") })
class FindAllStreamTest {

    private static final int RECORDS = 200_000;
    private static final int NOTE_LENGTH = 500;

    @Inject
    CronJobs cronJobs;

    @Inject
    AgroalDataSource dataSource;

    /** Written once for the class: each record over 500 bytes, some 100 MB in all. */
    @BeforeEach
    void fill() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet count = statement.executeQuery("select count(*) from cronjobs");
            count.next();
            if (count.getLong(1) != RECORDS) {
                statement.execute("delete from cronjobs");
                statement.execute("insert into cronjobs (id, handler, note, publicId) select seq, concat('h', seq), "
                        + "repeat('n', " + NOTE_LENGTH + "), uuid() from seq_1_to_" + RECORDS);
            }
        }
    }

    @Test
    void everyRecordArrivesOnceWhateverTheHeap() {
        BitSet seen = new BitSet(RECORDS + 1);
        AtomicLong count = new AtomicLong();
        cronJobs.findAll(null)
                .onItem().invoke(job -> {
                    int id = job.getId().intValue();
                    assertFalse(seen.get(id), "record " + id + " arrived twice");
                    seen.set(id);
                    assertEquals("h" + id, job.getHandler());
                    assertEquals(NOTE_LENGTH, job.getNote().length());
                    count.incrementAndGet();
                })
                .collect().last().await().atMost(Duration.ofMinutes(3));
        assertEquals(RECORDS, count.get());
        assertEquals(RECORDS, seen.cardinality());
        assertReleased();
    }

    @Test
    void recordsAreBoundToTheirKindAndFollowTheWhereAndOptions() {
        List<CronJob> jobs = cronJobs.findAll(like(CronJobTable.handler, "h1999%"), FindOptions.orderBy(CronJobTable.id).withLimit(3))
                .collect().asList().await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of(1999L, 19990L, 19991L), jobs.stream().map(CronJob::getId).toList());
        CronJob first = jobs.get(0);
        assertEquals("h1999", first.refresh().await().atMost(Duration.ofSeconds(10)).getHandler(),
                "a streamed record can use its kind's database");
        assertReleased();
    }

    @Test
    void recordsAreReadAsTheyAreAskedFor() {
        AssertSubscriber<CronJob> subscriber = cronJobs.findAll(gt(CronJobTable.id, 100L), FindOptions.orderBy(CronJobTable.id))
                .subscribe().withSubscriber(AssertSubscriber.create(2));
        subscriber.awaitItems(2);
        assertEquals(List.of(101L, 102L), subscriber.getItems().stream().map(CronJob::getId).toList());
        subscriber.request(1).awaitItems(3);
        subscriber.cancel();
        assertReleased();
    }

    @Test
    void cancellingReleasesTheConnectionEveryTime() {
        // more cancellations than the pool has connections: a leak would exhaust it on the second one
        for (int i = 0; i < 3; i++) {
            List<CronJob> first = cronJobs.findAll(null).select().first(10).collect().asList()
                    .await().atMost(Duration.ofSeconds(30));
            assertEquals(10, first.size());
            assertReleased();
        }
        assertEquals(RECORDS, cronJobs.count(null).await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void theInjectedKindIsTheApplicationsSubclass() {
        CronJob job = cronJobs.findAll(null).select().first().toUni().await().atMost(Duration.ofSeconds(30));
        assertSame(ScheduledJob.class, job.getClass(), "findAll makes the records of the application's kind");
    }

    /** With a pool of one, getting a connection proves the stream gave its own back. */
    private void assertReleased() {
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(connection.isValid(5));
        } catch (SQLException e) {
            throw new AssertionError("the stream kept its connection: " + e.getMessage(), e);
        }
    }
}
