package io.quarkiverse.ving.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.ConfigProvider;
import org.graalvm.nativeimage.ImageInfo;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.connection.JdbcPool;
import io.quarkiverse.ving.connection.QueryLog;
import io.quarkiverse.ving.connection.VingMysql;
import io.quarkiverse.ving.embedded.EmbeddedMariaDb;

/**
 * The database named by {@code VING_MYSQL}, as a small Agroal pool, and its statement log; without VING_MYSQL, the
 * embedded MariaDB of the working directory ({@code .ving/}), unless {@code VING_EMBEDDED=false}.
 */
final class Database implements AutoCloseable {

    /** Connections a command uses at most. */
    private static final int POOL_SIZE = 2;
    /** Where the command line keeps its embedded MariaDB, in the working directory, as ving keeps its own files. */
    static final Path EMBEDDED_DIRECTORY = Path.of(".ving");
    static final String EMBEDDED_DATABASE = "ving";
    /** Set to false where a missing VING_MYSQL is a mistake, as in the migration job's images. */
    static final String EMBEDDED_VARIABLE = "VING_EMBEDDED";

    private final VingMysql setting;
    private final AgroalDataSource dataSource;
    private final EmbeddedMariaDb embedded;

    private Database(VingMysql setting, AgroalDataSource dataSource, EmbeddedMariaDb embedded) {
        this.setting = setting;
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /**
     * Connects to the database of {@code VING_MYSQL}, read as Quarkus reads configuration: from the environment,
     * a system property, or a {@code .env} file in the working directory (as ving reads its own .env). Without it,
     * starts (or joins) the embedded MariaDB and says so on {@code notices}. Fails with a message naming what is wrong.
     */
    static Database fromEnvironment(PrintWriter notices) throws SQLException {
        Optional<VingMysql> configured = VingMysql.from(ConfigProvider.getConfig().getOptionalValue(VingMysql.VARIABLE,
                String.class));
        if (configured.isPresent()) {
            return new Database(configured.get(), JdbcPool.open(configured.get(), POOL_SIZE), null);
        }
        if (ImageInfo.inImageCode()) {
            // The native executable carries no MariaDB binaries; the check is a constant there, so the build leaves
            // the embedded server's code out of the image altogether.
            throw new IllegalArgumentException(VingMysql.VARIABLE + " is not set. The native ving has no embedded MariaDB: "
                    + "set " + VingMysql.VARIABLE + "=mysql://user:pass@host:3306/database, or run ./ving on a JVM.");
        }
        if (!ConfigProvider.getConfig().getOptionalValue(EMBEDDED_VARIABLE, Boolean.class).orElse(true)) {
            throw VingMysql.notSet();
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.startOrJoin(EMBEDDED_DIRECTORY.toAbsolutePath(), EMBEDDED_DATABASE);
        VingMysql setting = new VingMysql(EmbeddedMariaDb.USER, "", EmbeddedMariaDb.HOST, server.port(), EMBEDDED_DATABASE, false);
        notices.println("VING_MYSQL is not set: using the embedded MariaDB in " + EMBEDDED_DIRECTORY + "/ ("
                + server.vingMysql(EMBEDDED_DATABASE) + "). Set VING_MYSQL for any other database.");
        notices.flush();
        try {
            return new Database(setting, JdbcPool.open(setting, POOL_SIZE), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    AgroalDataSource dataSource() {
        return dataSource;
    }

    /** Logs each statement at DEBUG in "drizzle" as {"query":…,"params":[]} when the setting says log=yes. */
    Consumer<String> statementLog() {
        return sql -> {
            if (setting.log()) {
                QueryLog.log(sql, List.of());
            }
        };
    }

    /** The setting without its password. */
    String describe() {
        return setting.user() + "@" + setting.host() + ":" + setting.port() + "/" + setting.database();
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
