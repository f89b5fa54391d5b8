package io.quarkiverse.ving.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program of the machine run to its end within a time bound, for the fixtures that drive MariaDB's own tools. The
 * output goes through a file, not a pipe: a pipe read blocks as long as any child of the program holds it open, and
 * no bound could then be kept.
 */
final class Command {

    /** The directories Debian keeps the server, its tools and the state transfer scripts' helpers in. */
    private static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private Command() {
    }

    /**
     * Runs the command and returns its output, standard error included.
     *
     * @throws IOException when it cannot start, fails (the message is its output), or outlives the bound (it and its
     *         children are killed)
     */
    static String run(Duration bound, List<String> command) throws IOException {
        Path output = Files.createTempFile("ving-command-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            withSystemPath(builder);
            Process process = builder.start();
            boolean ended = waitFor(process, bound);
            String text = Files.readString(output, StandardCharsets.ISO_8859_1).strip();
            if (!ended) {
                kill(process);
                throw new IOException(Path.of(command.get(0)).getFileName() + " did not end within " + bound.toSeconds() + " s"
                        + (text.isEmpty() ? "" : ": " + text));
            }
            if (process.exitValue() != 0) {
                throw new IOException(text.isEmpty() ? "exit status " + process.exitValue() : text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The machine's usual directories on the PATH, whatever the JVM was started with: mariadbd runs its SST scripts from it. */
    static void withSystemPath(ProcessBuilder builder) {
        String path = builder.environment().get("PATH");
        builder.environment().put("PATH", path == null || path.isBlank() ? SYSTEM_PATH : path + ":" + SYSTEM_PATH);
    }

    static boolean waitFor(Process process, Duration bound) throws IOException {
        try {
            return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new IOException("interrupted", e);
        }
    }

    /** Kills the process and every process it started (a state transfer's rsync daemon, mariadb-install-db's server). */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
