package io.quarkiverse.ving.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * A real three-node MariaDB Galera cluster for tests of what only a cluster does (certification conflicts, a node
 * leaving, DDL replicated in total order), which no single server shows. Run from the machine's own
 * {@code /usr/sbin/mariadbd} and {@code libgalera_smm.so} (Debian: {@code mariadb-server galera-4 rsync}), on
 * 127.0.0.1 only, on ports free at start, in a fresh directory under the system's temporary directory. Node 1 is
 * initialised and bootstraps the cluster; nodes 2 and 3 join one after the other and get their data by rsync state
 * transfer, as a real node does. Root without a password on every node.
 *
 * <p>
 * {@link #close()} stops the nodes and deletes the directory; a shutdown hook does the same for a test run that
 * ends without closing, so no mariadbd outlives the JVM. A JVM killed runs no hook: the next fixture started on the
 * machine stops what it left and deletes its directory.
 */
public final class TestGaleraCluster extends LocalServerGroup {

    private static final Logger LOG = Logger.getLogger(TestGaleraCluster.class);
    static final Path GALERA = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final Path RSYNC = Path.of("/usr/bin/rsync");
    private static final int NODES = 3;
    /** Installing node 1 and two rsync state transfers take about 20 s on two cores; the rest is for a slow machine. */
    private static final Duration START = Duration.ofSeconds(120);
    /** A node stops in well under a second; one that does not is killed after this. */

    private static final OncePerJvm<TestGaleraCluster> SHARED = new OncePerJvm<>("Galera cluster", () -> {
        TestGaleraCluster started = start();
        started.share();
        return started;
    });

    private final List<LocalMariaDb> nodes;

    private TestGaleraCluster(Path directory, List<LocalMariaDb> nodes) {
        super("Galera cluster", directory, nodes);
        this.nodes = nodes;
    }

    /** Whether this machine has what the cluster runs from. */
    public static boolean available() {
        return missing() == null;
    }

    /**
     * Starts a cluster and returns when all three nodes are synced members of it.
     *
     * @throws IllegalStateException naming the node that failed, with the end of its log; nothing is left running
     */
    public static TestGaleraCluster start() {
        Path lacking = missing();
        if (lacking != null) {
            throw new IllegalStateException("A Galera cluster for tests runs from the machine's MariaDB and Galera, and " + lacking
                    + " is missing (Debian: apt-get install mariadb-server galera-4 rsync)");
        }
        long begin = System.nanoTime();
        Instant deadline = Instant.now().plus(START);
        Path directory = LocalMariaDb.temporaryDirectory("ving-galera-");
        int[] ports = LocalMariaDb.freePorts(4 * NODES); // client, group communication, IST, SST
        List<LocalMariaDb> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(new LocalMariaDb("Galera node" + (i + 1), directory.resolve("node" + (i + 1)), ports[i]));
        }
        TestGaleraCluster cluster = new TestGaleraCluster(directory, nodes);
        try {
            for (int i = 0; i < NODES; i++) {
                nodes.get(i).configure(settings(directory, ports, i));
            }
            nodes.get(0).install();
            nodes.get(0).start("--wsrep-new-cluster");
            awaitSynced(nodes.get(0), 1, deadline);
            // one joiner at a time: a node donating to one joiner cannot donate to another, and two joining at once
            // spend seconds agreeing on a view
            for (int i = 1; i < NODES; i++) {
                nodes.get(i).start();
                awaitSynced(nodes.get(i), i + 1, deadline);
            }
            for (LocalMariaDb node : nodes) {
                awaitSynced(node, NODES, deadline);
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IllegalStateException failure ? failure
                    : new IllegalStateException("Cannot start the Galera cluster in " + directory + ": " + e.getMessage());
        }
        LOG.infof("Started a %d-node Galera cluster in %s (%d ms): %s", NODES, directory, (System.nanoTime() - begin) / 1_000_000,
                cluster.hosts());
        return cluster;
    }

    /**
     * One cluster for every test of this JVM (of a Maven module's test run), started at the first call and stopped at
     * exit, as JUnit extensions would, which main code cannot depend on. Its {@link #close()} does nothing. A cluster
     * that failed to start is not tried again: the first failure is thrown to every caller.
     */
    public static TestGaleraCluster shared() {
        return SHARED.get();
    }

    /** {@code 127.0.0.1:<port>} of each node's clients, node 1 first. */
    public List<String> hosts() {
        return nodes.stream().map(LocalMariaDb::host).toList();
    }

    /** {@code 127.0.0.1:<port>} of a node, numbered from 1. */
    public String host(int node) {
        return node(node).host();
    }

    /** What a node and its state transfer scripts printed, numbered from 1; deleted with the cluster. */
    public Path errorLog(int node) {
        return node(node).errorLog();
    }


    private LocalMariaDb node(int node) {
        if (node < 1 || node > nodes.size()) {
            throw new IllegalArgumentException("The cluster's nodes are numbered 1 to " + nodes.size() + ", not " + node);
        }
        return nodes.get(node - 1);
    }

    /** Waits until the node is ready, synced, and sees a cluster of this size. */
    private static void awaitSynced(LocalMariaDb node, int size, Instant deadline) {
        Map<String, String> status = Map.of();
        while (true) {
            if (!node.running()) {
                throw node.failure("stopped while joining the cluster");
            }
            try {
                status = node.status("wsrep_ready", "wsrep_local_state_comment", "wsrep_cluster_size");
                if ("ON".equals(status.get("wsrep_ready")) && "Synced".equals(status.get("wsrep_local_state_comment"))
                        && Integer.toString(size).equals(status.get("wsrep_cluster_size"))) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet: a joiner opens its port after its state transfer
            }
            if (Instant.now().isAfter(deadline)) {
                throw node.failure("was not a synced member of a " + size + "-node cluster within " + START.toSeconds() + " s"
                        + (status.isEmpty() ? " (not answering)" : " (" + status + ")"));
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the test servers");
        }
    }

    private static List<String> settings(Path directory, int[] ports, int node) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            members.append(i == 0 ? "" : ",").append(LocalMariaDb.LOOPBACK).append(':').append(ports[NODES + i]);
        }
        String address = LocalMariaDb.LOOPBACK;
        int group = ports[NODES + node];
        int ist = ports[2 * NODES + node];
        int sst = ports[3 * NODES + node];
        return List.of(
                "binlog_format=ROW",
                "default_storage_engine=InnoDB",
                "innodb_autoinc_lock_mode=2",
                "wsrep_on=ON",
                "wsrep_provider=" + GALERA,
                // another run's cluster is on other ports, and has another name besides
                "wsrep_cluster_name=" + directory.getFileName(),
                "wsrep_cluster_address=gcomm://" + members,
                "wsrep_node_name=node" + (node + 1),
                "wsrep_node_address=" + address + ":" + group,
                "wsrep_node_incoming_address=" + address + ":" + ports[node],
                "wsrep_provider_options=\"gmcast.listen_addr=tcp://" + address + ":" + group + ";ist.recv_addr=" + address + ":"
                        + ist + ";gcache.size=32M\"",
                "wsrep_sst_method=rsync",
                "wsrep_sst_receive_address=" + address + ":" + sst);
    }

    private static Path missing() {
        return LocalMariaDb.missing(LocalMariaDb.SERVER, LocalMariaDb.INSTALL, LocalMariaDb.CLIENT, LocalMariaDb.ADMIN, GALERA, RSYNC);
    }
}
