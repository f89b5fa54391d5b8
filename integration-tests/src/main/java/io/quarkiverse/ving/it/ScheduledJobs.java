package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.eq;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.ving.sql.VingDb;
import io.smallrye.mutiny.Multi;
import ving.drizzle.schema.CronJobTable;
import ving.record.CronJobs;

/**
 * Behaviour added to a generated kind without editing it: a subclass, made the application's {@code CronJobs} by
 * {@code @Alternative @Priority}, whose records are {@link ScheduledJob}s. Injecting {@code CronJobs} and
 * {@code useKind("CronJob")} both give this class.
 */
@Alternative
@Priority(1)
@Singleton
public class ScheduledJobs extends CronJobs {

    @Inject
    public ScheduledJobs(VingDb db) {
        super(db, ScheduledJob::new);
    }

    /** The jobs that run this handler. */
    public Multi<ScheduledJob> handledBy(String handler) {
        return findAll(eq(CronJobTable.handler, handler)).map(job -> (ScheduledJob) job);
    }
}
