package io.quarkiverse.ving.migrate;

import java.nio.file.Path;
import java.time.Duration;

import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A migrator in a process of its own, for {@link MigratorKillTest}: applies a folder and, after statement
 * {@code k} is done, says so on standard output and waits to be killed.
 *
 * <p>
 * Arguments: JDBC URL, migrations folder, k (0 = never stop).
 */
public final class UpUntilKilled {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path folder = Path.of(args[1]);
        int stopAfter = Integer.parseInt(args[2]);
        Migrator migrator = new Migrator(new MariaDbDataSource(url), new MigrationFolder(folder), Duration.ofSeconds(30),
                new Migrator.Listener() {
                    @Override
                    public void statementDone(MigrationFile migration, int statement, int of) {
                        if (statement == stopAfter) {
                            System.out.println("done " + statement);
                            System.out.flush();
                            sleepForever();
                        }
                    }
                }, sql -> {
                });
        migrator.up();
        System.out.println("finished");
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
