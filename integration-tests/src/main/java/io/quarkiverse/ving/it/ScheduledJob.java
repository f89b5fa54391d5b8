package io.quarkiverse.ving.it;

import ving.record.CronJob;

/** Behaviour added to a generated record: the subclass {@link ScheduledJobs} makes its records of. */
public class ScheduledJob extends CronJob {

    /** A line for an operator's list of jobs. */
    public String describe() {
        return getHandler() + " at " + getSchedule() + (Boolean.TRUE.equals(getEnabled()) ? "" : " (disabled)");
    }
}
