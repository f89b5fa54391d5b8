package io.quarkiverse.ving.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * The MariaDB server a test suite runs on: {@code VING_TEST_DB_HOST} when set; else the machine's own on
 * 127.0.0.1:3306 when it answers; else the embedded one, started once per JVM under {@code target/ving-test-server}
 * (or joined, when another test process of the module runs it) and stopped at exit. So the suite passes on a machine
 * with no database at all. Root without a password on every one of them.
 */
public final class TestMariaDb {

    private static final String MACHINE_HOST = "127.0.0.1";
    private static final int MACHINE_PORT = 3306;
    private static String host;

    private TestMariaDb() {
    }

    /** {@code host:port} of the server. */
    public static synchronized String host() {
        if (host == null) {
            host = find();
        }
        return host;
    }

    private static String find() {
        String configured = System.getenv("VING_TEST_DB_HOST");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (answers(MACHINE_HOST, MACHINE_PORT)) {
            return MACHINE_HOST + ":" + MACHINE_PORT;
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.startOrJoin(Path.of("target/ving-test-server").toAbsolutePath(), "test");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ving-test-mariadb-stop"));
        return MACHINE_HOST + ":" + server.port();
    }

    private static boolean answers(String hostName, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostName, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
