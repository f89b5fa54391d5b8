package io.quarkiverse.ving.migrate;

import java.nio.file.Path;
import java.time.Duration;

import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A migrator in a process of its own, for {@link MigratorKillTest}, to be killed with SIGKILL. It prints {@code ready}
 * just before it starts and {@code finished} when done. Given a point, it prints {@code at} when it gets there:
 * {@code starting} (the statement is recorded as sent, not yet sent), {@code executed} (the server answered, the
 * progress is not recorded), {@code done} (both recorded) wait there to be killed; {@code running} goes on, for a kill
 * while the server runs the statement.
 *
 * <p>
 * Arguments: JDBC URL, migrations folder, and optionally the point, the migration's tag and the statement's number, and
 * {@code down N} to revert the newest N migrations ({@code --down N --force-lossy}) instead of applying them; a down
 * file's statements are reported under its migration's tag and {@code .down}.
 */
public final class UpUntilKilled {

    public static void main(String[] args) throws Exception {
        // The tests read this process's output line by line: the driver's own log (its warning on an SQL error the
        // migrator handles, or SLF4J's about a missing provider on this classpath) must not come between them.
        System.setProperty("mariadb.logging.disable", "true");
        String point = args.length > 2 ? args[2] : "none";
        String tag = args.length > 3 ? args[3] : "";
        int stopAt = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Migrator migrator = new Migrator(new MariaDbDataSource(args[0]), new MigrationFolder(Path.of(args[1])),
                Duration.ofSeconds(60), new Migrator.Listener() {
                    @Override
                    public void statementStarting(MigrationFile migration, int statement, int of) {
                        if (at(migration, statement, "running")) {
                            say("at");
                        } else if (at(migration, statement, "starting")) {
                            say("at");
                            sleepForever();
                        }
                    }

                    @Override
                    public void statementExecuted(MigrationFile migration, int statement, int of) {
                        if (at(migration, statement, "executed")) {
                            say("at");
                            sleepForever();
                        }
                    }

                    @Override
                    public void statementDone(MigrationFile migration, int statement, int of) {
                        if (at(migration, statement, "done")) {
                            say("at");
                            sleepForever();
                        }
                    }

                    private boolean at(MigrationFile migration, int statement, String here) {
                        return point.equals(here) && migration.tag().equals(tag) && statement == stopAt;
                    }
                }, sql -> {
                });
        say("ready");
        if (args.length > 6 && args[5].equals("down")) {
            migrator.down(Integer.parseInt(args[6]), true);
        } else {
            migrator.up();
        }
        say("finished");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
