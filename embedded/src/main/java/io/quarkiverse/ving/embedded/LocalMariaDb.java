package io.quarkiverse.ving.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One MariaDB server run from the machine's own binaries (Debian's {@code mariadb-server}), for the fixtures that need
 * servers talking to each other, which the embedded server from the jar cannot do: it has no Galera library. It
 * listens on 127.0.0.1 only, keeps its configuration, data and log in one directory, and is asked things through the
 * command-line client, so this module needs no JDBC driver. Run as {@code mysql} when the JVM runs as root, as Debian's
 * own service runs it: mariadbd refuses to run as root unless told to.
 */
final class LocalMariaDb {

    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    static final Path CLIENT = Path.of("/usr/bin/mariadb");
    static final Path ADMIN = Path.of("/usr/bin/mariadb-admin");
    static final String LOOPBACK = "127.0.0.1";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String SERVICE_USER = "mysql";
    /** A client call's bound; each answers in milliseconds when the server is up. */
    private static final Duration CALL = Duration.ofSeconds(10);
    /** The file naming the JVM a fixture's directory belongs to; the fixtures' directories are named {@code ving-*}. */
    private static final String OWNER = "ving-fixture.owner";
    private static final String PREFIX = "ving-";

    private final String name;
    private final Path directory;
    private final int port;
    private Process process;

    /**
     * @param name what messages call it: {@code Galera node2}, {@code replica}
     * @param directory its own directory, created by {@link #configure}
     */
    LocalMariaDb(String name, Path directory, int port) {
        this.name = name;
        this.directory = directory;
        this.port = port;
    }

    int port() {
        return port;
    }

    String host() {
        return LOOPBACK + ":" + port;
    }

    /** Everything the server and its state transfer scripts print, from the first line. */
    Path errorLog() {
        return directory.resolve("error.log");
    }

    Path configuration() {
        return directory.resolve("my.cnf");
    }

    /**
     * Creates the directory and writes {@code my.cnf}: the settings of every fixture server, then these. Small on
     * purpose (under 100 MB resident): a CI machine runs a Galera cluster's three of them beside the build.
     */
    void configure(List<String> settings) throws IOException {
        for (Path created : List.of(directory, directory.resolve("data"), directory.resolve("tmp"))) {
            ownedByServer(Files.createDirectories(created));
        }
        List<String> lines = new ArrayList<>(List.of("[mysqld]",
                "datadir=" + directory.resolve("data"),
                "tmpdir=" + directory.resolve("tmp"),
                "socket=" + directory.resolve("tmp/mariadb.sock"),
                "pid-file=" + directory.resolve("tmp/mariadbd.pid"),
                "port=" + port,
                "bind-address=" + LOOPBACK,
                "skip-name-resolve",
                "character-set-server=utf8mb4",
                "collation-server=utf8mb4_general_ci",
                "performance_schema=OFF",
                "innodb_buffer_pool_size=32M",
                "innodb_log_file_size=16M",
                "innodb_log_buffer_size=4M",
                "key_buffer_size=1M",
                "aria_pagecache_buffer_size=8M",
                "max_connections=50",
                "table_open_cache=400"));
        lines.addAll(settings);
        Files.write(configuration(), lines, StandardCharsets.UTF_8);
    }

    /** An empty data directory made a server's: system tables, root without a password (from 127.0.0.1 too). */
    void install() {
        List<String> command = new ArrayList<>(List.of(INSTALL.toString(), "--no-defaults",
                "--datadir=" + directory.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db",
                "--skip-name-resolve", "--innodb-log-file-size=16M", "--tmpdir=" + directory.resolve("tmp")));
        if (ROOT) {
            command.add("--user=" + SERVICE_USER);
        }
        try {
            Command.run(Duration.ofSeconds(60), command);
        } catch (IOException e) {
            throw new IllegalStateException("mariadb-install-db could not prepare " + name + "'s data directory: " + e.getMessage());
        }
    }

    /** Starts the server, not waiting for it. */
    void start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--defaults-file=" + configuration()));
        if (ROOT) {
            command.add("--user=" + SERVICE_USER);
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(errorLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Command.withSystemPath(builder);
        process = builder.start();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** The statement's rows through the command-line client, by column name; values as the client prints them. */
    List<Map<String, String>> query(String sql) throws IOException {
        String output = Command.run(CALL, List.of(CLIENT.toString(), "--no-defaults", "--protocol=tcp", "-h", LOOPBACK,
                "-P", Integer.toString(port), "-u", "root", "--connect-timeout=2", "--batch", "-e", sql));
        List<Map<String, String>> rows = new ArrayList<>();
        if (output.isEmpty()) {
            return rows;
        }
        String[] lines = output.split("\n");
        String[] names = lines[0].split("\t", -1);
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.length && c < values.length; c++) {
                row.put(names[c], values[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Global status variables by name, lower case. */
    Map<String, String> status(String... names) throws IOException {
        String list = Stream.of(names).map(n -> "'" + n + "'").collect(Collectors.joining(","));
        Map<String, String> status = new LinkedHashMap<>();
        for (Map<String, String> row : query("show global status where variable_name in (" + list + ")")) {
            status.put(row.get("Variable_name").toLowerCase(), row.get("Value"));
        }
        return status;
    }

    /** Asks the server to stop, not waiting for it; a server that does not answer is killed by {@link #awaitStopped}. */
    void requestStop() {
        if (!running()) {
            return;
        }
        try {
            Command.run(Duration.ofSeconds(5), List.of(ADMIN.toString(), "--no-defaults", "--protocol=tcp", "-h", LOOPBACK,
                    "-P", Integer.toString(port), "-u", "root", "--connect-timeout=2", "shutdown"));
        } catch (IOException e) {
            // not answering: killed at the deadline
        }
    }

    /** Waits until the server has stopped, killing it and what it started when the deadline passes. */
    void awaitStopped(Instant deadline) {
        if (process == null) {
            return;
        }
        try {
            if (!Command.waitFor(process, durationUntil(deadline))) {
                Command.kill(process);
                Command.waitFor(process, Duration.ofSeconds(10));
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly); // a state transfer cut short
        } catch (IOException e) {
            Command.kill(process); // interrupted
        }
    }

    /** An exception naming this server, with the end of its log: the reason is nearly always there. */
    IllegalStateException failure(String what) {
        return new IllegalStateException(name + " (" + host() + ") " + what + ". The end of its log:\n" + tail(40));
    }

    private String tail(int count) {
        try {
            List<String> lines = Files.readAllLines(errorLog(), StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static Duration durationUntil(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The first of these files the machine lacks, or null when it has them all. */
    static Path missing(Path... needed) {
        return Stream.of(needed).filter(file -> !Files.exists(file)).findFirst().orElse(null);
    }

    /**
     * A fresh directory under the system's temporary directory, the server's when it runs as mysql, marked with this
     * JVM. First the fixtures' directories whose JVM is gone are swept, with what still runs from them: a JVM killed
     * (a test run's time limit, a cancelled build) runs no shutdown hook.
     *
     * @param prefix the start of the directory's name, {@code ving-} and more
     */
    static Path temporaryDirectory(String prefix) {
        if (!prefix.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A fixture's directory is named " + PREFIX + "*, not " + prefix);
        }
        sweepAbandoned();
        try {
            Path directory = Files.createTempDirectory(prefix);
            Files.writeString(directory.resolve(OWNER), jvm(), StandardCharsets.UTF_8);
            return ownedByServer(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the test servers", e);
        }
    }

    private static void sweepAbandoned() {
        List<Path> candidates;
        try (Stream<Path> directories = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            candidates = directories.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList();
        } catch (IOException | UncheckedIOException e) {
            return; // nothing to sweep
        }
        for (Path directory : candidates) {
            try {
                Path owner = directory.resolve(OWNER);
                if (Files.isRegularFile(owner) && !alive(Files.readString(owner, StandardCharsets.UTF_8))) {
                    killLeftovers(directory);
                    delete(directory);
                }
            } catch (IOException | UncheckedIOException e) {
                // another user's, or swept by another JVM meanwhile
            }
        }
    }

    /** This JVM as {@code <pid> <start time>}: a pid alone may be another process's by now. */
    private static String jvm() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("");
    }

    private static boolean alive(String jvm) {
        String[] parts = jvm.strip().split(" ", 2);
        try {
            return ProcessHandle.of(Long.parseLong(parts[0]))
                    .filter(process -> process.info().startInstant().map(Instant::toString).orElse("")
                            .equals(parts.length > 1 ? parts[1] : ""))
                    .isPresent();
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    /** Distinct ports free on 127.0.0.1 now: all held at once while they are picked, so none is picked twice. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports on " + LOOPBACK, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // picked already
                }
            }
        }
    }

    /**
     * Kills what still runs from the directory: a state transfer's rsync daemon outlives a node killed in the middle of
     * it, and is no longer the node's child then. Only processes naming a file in the directory, whose name is unique:
     * nothing else is touched. Again until none is found (for two seconds at most): a script killed may have started
     * another just before.
     */
    static void killLeftovers(Path directory) {
        String name = directory + "/"; // not another directory whose name starts with this one's
        for (int pass = 0; pass < 20; pass++) {
            List<ProcessHandle> left = ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().map(line -> line.contains(name)).orElse(false)).toList();
            if (left.isEmpty()) {
                return;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes the directory and everything in it, as far as it can; says whether it is gone. */
    static boolean delete(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // reported by the answer
        }
        return !Files.exists(directory);
    }

    private static Path ownedByServer(Path path) throws IOException {
        if (ROOT) {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName(SERVICE_USER));
            view.setGroup(users.lookupPrincipalByGroupName(SERVICE_USER));
        }
        return path;
    }
}
