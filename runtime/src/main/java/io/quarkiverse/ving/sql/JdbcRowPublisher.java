package io.quarkiverse.ving.sql;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A JDBC cursor's rows as a {@link Flow.Publisher}: the cursor is opened, read and closed on a worker thread, a row
 * per row demanded. Demand that arrives while the worker emits (a subscriber asking for the next row from {@code
 * onNext}, as {@code concatMap} does) is served by the same loop, so a row-at-a-time subscriber costs no task per row;
 * Mutiny's {@code runSubscriptionOn} hands every request to its executor, which made describing streamed records a
 * thread hand-off per row. Each subscription reads a cursor of its own.
 */
final class JdbcRowPublisher implements Flow.Publisher<Row> {

    private final Supplier<JdbcRowCursor> open;
    private final Executor worker;

    /**
     * @param open opens the cursor: called on the worker, at the first demand
     * @param worker runs the blocking reads
     */
    JdbcRowPublisher(Supplier<JdbcRowCursor> open, Executor worker) {
        this.open = open;
        this.worker = worker;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Row> subscriber) {
        subscriber.onSubscribe(new RowSubscription(subscriber));
    }

    private final class RowSubscription implements Flow.Subscription, Runnable {

        private final Flow.Subscriber<? super Row> subscriber;
        /** Rows demanded and not yet emitted; going from 0 up schedules the loop, which runs while it is above 0. */
        private final AtomicLong requested = new AtomicLong();
        private volatile boolean cancelled;
        /** Read and written by the loop only (one loop at a time, by the counter). */
        private JdbcRowCursor cursor;
        private boolean terminated;

        RowSubscription(Flow.Subscriber<? super Row> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException("Rows are requested in positive numbers, not " + n));
                schedule(1);
                return;
            }
            schedule(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
            schedule(1); // the loop closes the cursor, stopping the query on the server
        }

        private void schedule(long n) {
            long before = requested.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
            if (before == 0) {
                worker.execute(this);
            }
        }

        @Override
        public void run() {
            if (terminated) {
                return;
            }
            try {
                if (cursor == null && !cancelled) {
                    cursor = open.get();
                }
                long emitted = 0;
                while (true) {
                    long demand = requested.get();
                    while (emitted != demand) {
                        if (cancelled) {
                            close(true);
                            return;
                        }
                        if (!cursor.hasNext()) {
                            close(false);
                            subscriber.onComplete();
                            return;
                        }
                        subscriber.onNext(cursor.next());
                        emitted++;
                    }
                    if (cancelled) {
                        close(true);
                        return;
                    }
                    if (demand == Long.MAX_VALUE) {
                        continue; // unbounded: the loop ends with the rows
                    }
                    if (requested.addAndGet(-emitted) == 0) {
                        return; // the next request schedules the loop again
                    }
                    emitted = 0;
                }
            } catch (RuntimeException e) {
                close(false);
                if (!cancelled) {
                    subscriber.onError(e);
                }
            }
        }

        private void close(boolean stopQuery) {
            terminated = true;
            if (cursor != null) {
                cursor.close(stopQuery);
            }
        }
    }
}
