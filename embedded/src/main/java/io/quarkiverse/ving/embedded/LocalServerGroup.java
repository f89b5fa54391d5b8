package io.quarkiverse.ving.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Local MariaDB servers started together for tests, in a directory of their own: {@link #close()} stops them (the last
 * started first; killed when one does not stop within 15 s) and deletes the directory, and a shutdown hook does the
 * same for a test run that ends without closing, so no mariadbd outlives the JVM. A group shared by a JVM's tests
 * ({@link OncePerJvm}) is stopped by the hook only.
 */
abstract class LocalServerGroup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalServerGroup.class);
    private static final Duration STOP = Duration.ofSeconds(15);

    private final String name;
    private final Path directory;
    private final List<LocalMariaDb> servers;
    private final Thread hook;
    private boolean shared;
    private boolean closed;

    /**
     * @param name what the group is, for messages ("Galera cluster")
     * @param servers in the order they start
     */
    LocalServerGroup(String name, Path directory, List<LocalMariaDb> servers) {
        this.name = name;
        this.directory = directory;
        this.servers = List.copyOf(servers);
        this.hook = new Thread(this::stop, "ving-test-servers-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Makes {@link #close()} leave the group to the shutdown hook: other tests of the JVM use it. */
    void share() {
        shared = true;
    }

    /** The directory the servers keep everything in; gone once the group is closed. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (shared) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is running or has run
        }
        stop();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        Instant deadline = Instant.now().plus(STOP);
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).requestStop();
        }
        for (LocalMariaDb server : servers) {
            server.awaitStopped(deadline);
        }
        LocalMariaDb.killLeftovers(directory);
        if (!LocalMariaDb.delete(directory)) {
            LOG.warnf("Could not delete the %s's directory %s", name, directory);
        }
    }
}
