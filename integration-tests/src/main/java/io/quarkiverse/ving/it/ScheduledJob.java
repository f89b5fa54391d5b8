package io.quarkiverse.ving.it;

import io.quarkiverse.ving.record.DescribeOptions;
import io.smallrye.mutiny.Uni;

import ving.record.CronJob;

/** Behaviour added to a generated record: the subclass {@link ScheduledJobs} makes its records of. */
public class ScheduledJob extends CronJob {

    /** A line for an operator's list of jobs. */
    public String summary() {
        return getHandler() + " at " + getSchedule() + (Boolean.TRUE.equals(getEnabled()) ? "" : " (disabled)");
    }

    /** ving's {@code include.extra}: {@code describe} shows the summary under {@code extra} when asked for it. */
    @Override
    protected Uni<?> describeExtra(String name, DescribeOptions options) {
        return name.equals("summary") ? Uni.createFrom().item(summary()) : super.describeExtra(name, options);
    }
}
