package io.quarkiverse.ving.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.DescribeOptions;
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
        assertEquals("Cleanup at 0 3 * * *", assertInstanceOf(ScheduledJob.class, minted).summary());
        assertTrue(minted.getPublicId().matches("[0-9a-f-]{36}"), "a new UUID: " + minted.getPublicId());
        minted.insert().await().atMost(Duration.ofSeconds(30));

        List<ScheduledJob> found = jobs.handledBy("Cleanup").collect().asList().await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of("Cleanup at 0 3 * * *"), found.stream().map(ScheduledJob::summary).toList());
    }

    @Test
    void aSubclassAddsExtraDescriptionsAndWarningsShowInTheDescription() {
        CronJob job = cronJobs.mint(Map.of("handler", "Report", "schedule", "0 6 * * 1"));
        job.insert().await().atMost(Duration.ofSeconds(30));
        job.addWarning(404, "Brain not found.");
        Map<String, Object> description = job.describe(DescribeOptions.VISITOR.withExtra("summary", "unknown"))
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(Map.of("summary", "Report at 0 6 * * 1"), description.get("extra"), "a name the record does not know is left out");
        assertEquals(List.of(Map.of("code", 404, "message", "Brain not found.")), description.get("warnings"));
        assertEquals(List.of("props", "extra", "warnings"), List.copyOf(description.keySet()), "ving's order");
        job.set("params", "{\"days\": [1, 3], \"report\": {\"to\": \"ops\"}}");
        Map<String, Object> privately = job.describe(DescribeOptions.VISITOR.withPrivate()).await().atMost(Duration.ofSeconds(30));
        assertEquals(Map.of("days", List.of(1, 3), "report", Map.of("to", "ops")), ((Map<?, ?>) privately.get("props")).get("params"),
                "a json prop shows the value it holds, as ving's do");
    }
}
