package io.quarkiverse.ving.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.embedded.TestDatabase;

/**
 * The packaged {@code ving} command (target/quarkus-app, or the native executable with -Dnative) run as a process,
 * and a database of the test's own ({@link TestDatabase}).
 */
final class PackagedCli {

    static final String HOST = TestDatabase.HOST;

    private final TestDatabase database;

    PackagedCli(String database) {
        this.database = new TestDatabase(database);
    }

    /** What a finished run printed, and its exit status. */
    record Result(int exitCode, String output) {
    }

    Process start(List<String> arguments) throws IOException {
        return start(arguments, Map.of("VING_MYSQL", database.vingMysql()));
    }

    Process start(List<String> arguments, Map<String, String> environment) throws IOException {
        return startProcess(command(arguments), environment);
    }

    /** Whether the tests run the native executable (-Dnative) rather than the jar. */
    static boolean isNative() {
        return !System.getProperty("ving.cli.executable", "").isBlank();
    }

    /** The command line that runs the packaged ving with these arguments: the native executable when built, else the jar. */
    List<String> command(List<String> arguments) {
        String executable = System.getProperty("ving.cli.executable", "");
        List<String> command = new ArrayList<>(executable.isBlank()
                // C1 only, as ./ving runs it: a command is over before C2 would pay off (a quarter off each start here)
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-jar",
                        System.getProperty("ving.cli.jar"))
                : List.of(executable));
        command.addAll(arguments);
        return command;
    }

    /** Any command line (one that wraps ving), with VING_MYSQL set to the test's database and these variables. */
    Result runWith(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(environment);
        all.put("VING_MYSQL", database.vingMysql());
        return finish(startProcess(command, all));
    }

    /** Runs ving in this working directory, with no VING_MYSQL in the environment. */
    Result runIn(Path directory, String... arguments) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(List.of(arguments))).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("VING_MYSQL");
        builder.environment().remove("NO_COLOR");
        return finish(builder.start());
    }

    private static Process startProcess(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("VING_MYSQL");
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(environment);
        return builder.start();
    }

    Result run(String... arguments) throws IOException, InterruptedException {
        return finish(start(List.of(arguments)));
    }

    static Result finish(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    void resetDatabase() throws SQLException {
        database.reset();
    }

    void dropDatabase() {
        database.drop();
    }

    List<String> query(String sql) throws SQLException {
        return database.query(sql);
    }

    void execute(String sql) throws SQLException {
        database.execute(sql);
    }
}
