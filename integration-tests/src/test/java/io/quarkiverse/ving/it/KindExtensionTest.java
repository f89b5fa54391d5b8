package io.quarkiverse.ving.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.Kinds;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ving.record.CronJob;
import ving.record.CronJobs;

/** An application subclass of a generated kind and record replaces them everywhere (docs/records.md). */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_kind_extension"))
class KindExtensionTest {

    @Inject
    CronJobs cronJobs;

    @Test
    void theSubclassIsInjectedFoundByNameAndMakesTheRecords() {
        ScheduledJobs jobs = assertInstanceOf(ScheduledJobs.class, cronJobs);
        assertInstanceOf(ScheduledJobs.class, Kinds.useKind("CronJob"));

        CronJob minted = jobs.mint(Map.of("handler", "Cleanup", "schedule", "0 3 * * *"));
        assertEquals("Cleanup at 0 3 * * *", assertInstanceOf(ScheduledJob.class, minted).describe());
        assertTrue(minted.getPublicId().matches("[0-9a-f-]{36}"), "a new UUID: " + minted.getPublicId());
        minted.insert().await().atMost(Duration.ofSeconds(30));

        List<ScheduledJob> found = jobs.handledBy("Cleanup").collect().asList().await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of("Cleanup at 0 3 * * *"), found.stream().map(ScheduledJob::describe).toList());
    }
}
