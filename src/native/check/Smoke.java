import java.io.*;
import java.lang.management.ManagementFactory;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.concurrent.*;
import java.util.zip.*;

/**
 * Wider smoke test for the toolchain: touches the JDK's native libraries
 * (libjava, libnio, libnet, libzip) and the C helpers (signals, CPU time,
 * container limits) a native image links, and prints one line per area.
 * Built from a jar that carries META-INF/native-image configuration
 * (check/smoke-meta), it also shows that bin/native-image applies it.
 */
public class Smoke {
    public static void main(String[] args) throws Exception {
        zip();
        files();
        sockets();
        process();
        signals();
        management();
        libraryConfig();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook: ran")));
        System.out.println("SMOKE OK");
    }

    static void zip() throws IOException {
        byte[] data = "hello hello hello hello".repeat(100).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes();
        CRC32 crc = new CRC32();
        crc.update(back);
        check(java.util.Arrays.equals(data, back), "gzip round trip");
        System.out.println("zip: " + data.length + " -> " + out.size() + " bytes, crc " + Long.toHexString(crc.getValue()));
    }

    static void files() throws IOException {
        Path dir = Files.createTempDirectory("smoke");
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "content");
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            check(new String(in.readAllBytes(), StandardCharsets.UTF_8).equals("content"), "file read");
        }
        try (var list = Files.list(dir)) {
            check(list.count() == 1, "directory listing");
        }
        System.out.println("files: " + file.toRealPath() + " " + Files.size(file) + " bytes, canonical " + file.toFile().getCanonicalPath().equals(file.toRealPath().toString()));
        Files.delete(file);
        Files.delete(dir);
    }

    static void sockets() throws Exception {
        InetAddress loopback = InetAddress.getByName("localhost");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<String> reply = pool.submit(() -> {
                try (Socket s = server.accept()) {
                    return new BufferedReader(new InputStreamReader(s.getInputStream())).readLine();
                }
            });
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()))) {
                ch.write(ByteBuffer.wrap("ping\n".getBytes(StandardCharsets.UTF_8)));
            }
            check(reply.get(10, TimeUnit.SECONDS).equals("ping"), "socket exchange");
            pool.shutdown();
        }
        try (Selector selector = Selector.open()) {
            check(selector.selectNow() == 0, "selector");
        }
        System.out.println("sockets: loopback " + loopback + ", ServerSocket/SocketChannel/Selector ok");
    }

    static void process() throws Exception {
        Process p = new ProcessBuilder("/bin/echo", "from child").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        check(p.waitFor() == 0 && out.equals("from child"), "child process");
        System.out.println("process: pid " + ProcessHandle.current().pid() + " ran child, said '" + out + "'");
    }

    @SuppressWarnings("removal")
    static void signals() throws Exception {
        CountDownLatch got = new CountDownLatch(1);
        sun.misc.Signal.handle(new sun.misc.Signal("USR2"), s -> got.countDown());
        sun.misc.Signal.raise(new sun.misc.Signal("USR2"));
        check(got.await(10, TimeUnit.SECONDS), "signal delivery");
        System.out.println("signals: SIGUSR2 handled");
    }

    static void management() {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadUserTime();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("management: thread user time " + cpu + " ns, " + Runtime.getRuntime().availableProcessors()
                + " CPUs, total memory " + (os.getTotalMemorySize() >> 20) + " MB");
    }

    /** Only reachable through reflect-config.json; its name is hidden from the analysis. */
    public static class Reflected {
        public static String greet() {
            return "reflection ok";
        }
    }

    static void libraryConfig() throws Exception {
        String name = new StringBuilder("detcelfeR$ekomS").reverse().toString();
        Object greeting = Class.forName(name).getMethod("greet").invoke(null);
        long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        check(maxHeapMb <= 96, "-R:MaxHeapSize from native-image.properties (max heap " + maxHeapMb + " MB)");
        System.out.println("library config: " + greeting + ", max heap " + maxHeapMb + " MB from native-image.properties");
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what + " failed");
        }
    }
}
