package io.quarkiverse.ving.embedded;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * A real MariaDB primary and a read-only replica of it (native replication by GTID, strict mode), for tests of what
 * an application sees beside a replica: reads that lag, writes the replica refuses, replication that stops on an
 * error. Run from the machine's own {@code /usr/sbin/mariadbd} (Debian: {@code mariadb-server}), on 127.0.0.1 only,
 * on ports free at start, in a fresh directory under the system's temporary directory. Root without a password on
 * both; the replica reads as {@code repl}. The replica keeps a binary log of what it applies, so it can be promoted.
 *
 * <p>
 * {@link #close()} stops both servers and deletes the directory; a shutdown hook does the same for a test run that
 * ends without closing, so no mariadbd outlives the JVM. A JVM killed runs no hook: the next fixture started on the
 * machine stops what it left and deletes its directory.
 */
public final class TestReplicaPair extends LocalServerGroup {

    private static final Logger LOG = Logger.getLogger(TestReplicaPair.class);
    /** Two installs and two starts take a few seconds; the rest is for a slow machine. */
    private static final Duration START = Duration.ofSeconds(60);

    private static final OncePerJvm<TestReplicaPair> SHARED = new OncePerJvm<>("replica pair", () -> {
        TestReplicaPair started = start();
        started.share();
        return started;
    });

    private final LocalMariaDb primary;
    private final LocalMariaDb replica;

    /**
     * The replica's replication, as {@code SHOW SLAVE STATUS} has it.
     *
     * @param ioRunning whether the thread reading the primary's binary log runs ({@code Slave_IO_Running: Yes})
     * @param sqlRunning whether the thread applying it runs ({@code Slave_SQL_Running: Yes})
     * @param lastSqlErrno the error that stopped applying, 0 for none
     * @param lastError the error applying, else the error reading, else empty
     */
    public record Replication(boolean ioRunning, boolean sqlRunning, int lastSqlErrno, String lastError) {

        /** Both threads run and the last statement applied without error. */
        public boolean healthy() {
            return ioRunning && sqlRunning && lastSqlErrno == 0;
        }
    }

    private TestReplicaPair(Path directory, LocalMariaDb primary, LocalMariaDb replica) {
        super("replica pair", directory, List.of(primary, replica));
        this.primary = primary;
        this.replica = replica;
    }

    /** Whether this machine has what the servers run from. */
    public static boolean available() {
        return missing() == null;
    }

    /**
     * Starts the primary and the replica and returns when the replica replicates.
     *
     * @throws IllegalStateException naming the server that failed, with the end of its log; nothing is left running
     */
    public static TestReplicaPair start() {
        Path lacking = missing();
        if (lacking != null) {
            throw new IllegalStateException("A replica pair for tests runs from the machine's MariaDB, and " + lacking
                    + " is missing (Debian: apt-get install mariadb-server)");
        }
        long begin = System.nanoTime();
        Instant deadline = Instant.now().plus(START);
        Path directory = LocalMariaDb.temporaryDirectory("ving-replicas-");
        int[] ports = LocalMariaDb.freePorts(2);
        TestReplicaPair pair = new TestReplicaPair(directory, new LocalMariaDb("primary", directory.resolve("primary"), ports[0]),
                new LocalMariaDb("replica", directory.resolve("replica"), ports[1]));
        try {
            pair.primary.configure(List.of("server_id=1", "log_bin=mariadb-bin", "binlog_format=ROW", "gtid_strict_mode=ON"));
            pair.replica.configure(List.of("server_id=2", "log_bin=mariadb-bin", "binlog_format=ROW", "gtid_strict_mode=ON",
                    "log_slave_updates=ON", "relay_log=relay-bin", "read_only=ON"));
            for (LocalMariaDb server : List.of(pair.primary, pair.replica)) {
                server.install();
                server.start();
            }
            awaitAnswer(pair.primary, deadline);
            awaitAnswer(pair.replica, deadline);
            pair.primary.query("create user 'repl'@'127.0.0.1' identified by 'repl';"
                    + " grant replication slave on *.* to 'repl'@'127.0.0.1'");
            // reconnecting a second after the primary went away (the default waits a minute): tests restart it
            pair.replica.query("change master to master_host='127.0.0.1', master_port=" + pair.primary.port()
                    + ", master_user='repl', master_password='repl', master_use_gtid=slave_pos, master_connect_retry=1;"
                    + " start slave");
            pair.awaitReplicating(deadline);
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e instanceof IllegalStateException failure ? failure
                    : new IllegalStateException("Cannot start the replica pair in " + directory + ": " + e.getMessage());
        }
        LOG.infof("Started a primary %s and its replica %s in %s (%d ms)", pair.primaryHost(), pair.replicaHost(), directory,
                (System.nanoTime() - begin) / 1_000_000);
        return pair;
    }

    /**
     * One pair for every test of this JVM (of a Maven module's test run), started at the first call and stopped at
     * exit, as JUnit extensions would, which main code cannot depend on. Its {@link #close()} does nothing. A pair that
     * failed to start is not tried again: the first failure is thrown to every caller.
     */
    public static TestReplicaPair shared() {
        return SHARED.get();
    }

    /** {@code 127.0.0.1:<port>} of the primary. */
    public String primaryHost() {
        return primary.host();
    }

    /** {@code 127.0.0.1:<port>} of the replica. */
    public String replicaHost() {
        return replica.host();
    }

    /** What the primary printed; deleted with the pair. */
    public Path primaryErrorLog() {
        return primary.errorLog();
    }

    /** What the replica printed; deleted with the pair. */
    public Path replicaErrorLog() {
        return replica.errorLog();
    }


    /** The replica's replication now. */
    public Replication replication() {
        try {
            List<Map<String, String>> rows = replica.query("show slave status");
            if (rows.isEmpty()) {
                return new Replication(false, false, 0, "the replica has no primary");
            }
            Map<String, String> row = rows.get(0);
            String error = row.getOrDefault("Last_SQL_Error", "");
            return new Replication("Yes".equals(row.get("Slave_IO_Running")), "Yes".equals(row.get("Slave_SQL_Running")),
                    Integer.parseInt(row.getOrDefault("Last_SQL_Errno", "0")),
                    error.isEmpty() ? row.getOrDefault("Last_IO_Error", "") : error);
        } catch (IOException e) {
            throw replica.failure("does not answer: " + e.getMessage());
        }
    }

    /**
     * Waits until the replica has applied everything the primary has written so far (its {@code @@gtid_binlog_pos}).
     *
     * @throws IllegalStateException when it has not within the bound, or replication stopped
     */
    public void awaitCaughtUp(Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        try {
            String position = primary.query("select @@gtid_binlog_pos as position").get(0).get("position");
            while (true) {
                Replication replication = replication();
                if (!replication.sqlRunning() || replication.lastSqlErrno() != 0) {
                    throw replica.failure("stopped applying the primary's changes: " + replication);
                }
                // in steps of a second at most, to notice an error meanwhile
                long wait = Math.min(1000, LocalMariaDb.durationUntil(deadline).toMillis());
                String reached = replica.query("select master_gtid_wait('" + position + "', " + BigDecimal.valueOf(wait, 3)
                        + ") as reached").get(0).get("reached");
                if ("0".equals(reached)) {
                    return;
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw replica.failure("had not caught up with the primary's " + position + " within " + bound.toMillis()
                            + " ms (" + replication() + ")");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot compare the replica with the primary: " + e.getMessage());
        }
    }


    private void awaitReplicating(Instant deadline) {
        Replication replication = null;
        while (true) {
            try {
                replication = replication();
                if (replication.healthy()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not answering: the deadline tells
            }
            if (!replica.running() || Instant.now().isAfter(deadline)) {
                throw replica.failure("did not replicate from the primary within " + START.toSeconds() + " s"
                        + (replication == null ? "" : " (" + replication + ")"));
            }
            TestGaleraCluster.pause();
        }
    }

    private static void awaitAnswer(LocalMariaDb server, Instant deadline) {
        while (true) {
            if (!server.running()) {
                throw server.failure("stopped while starting");
            }
            try {
                server.query("select 1");
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw server.failure("did not answer within " + START.toSeconds() + " s: " + e.getMessage());
                }
            }
            TestGaleraCluster.pause();
        }
    }

    private static Path missing() {
        return LocalMariaDb.missing(LocalMariaDb.SERVER, LocalMariaDb.INSTALL, LocalMariaDb.CLIENT, LocalMariaDb.ADMIN);
    }
}
