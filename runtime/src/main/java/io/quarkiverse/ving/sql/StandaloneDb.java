package io.quarkiverse.ving.sql;

import java.util.function.Supplier;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.connection.JdbcPool;
import io.quarkiverse.ving.connection.VingMysql;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.mysqlclient.MySQLBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A {@link VingDb} for code that CDI does not reach (command-line tools, scripts, tests), with the Vert.x instance,
 * reactive pool and JDBC pool it owns. {@link #useDB()} is ving's {@code useDB()}: one database per process, from
 * {@code VING_MYSQL}.
 *
 * <pre>
 * VingDb db = StandaloneDb.useDB();
 * db.select().from(UserTable.TABLE).where(eq(UserTable.email, "joe@example.com")).execute()
 * </pre>
 */
public final class StandaloneDb implements AutoCloseable {

    /** Connections each pool opens at most: enough for a tool, small beside the server's limit. */
    private static final int POOL_SIZE = 4;

    private static StandaloneDb shared;
    /** The running application's own VingDb, installed by the Quarkus glue as it starts; none outside one. */
    private static volatile Supplier<VingDb> applicationDb;

    private final Vertx vertx;
    private final Pool pool;
    private final AgroalDataSource dataSource;
    private final VingDb db;

    private StandaloneDb(VingMysql setting) {
        this.vertx = Vertx.vertx();
        this.pool = MySQLBuilder.pool()
                .connectingTo(new MySQLConnectOptions().setHost(setting.host()).setPort(setting.port())
                        .setDatabase(setting.database()).setUser(setting.user()).setPassword(setting.password()))
                .with(new PoolOptions().setMaxSize(POOL_SIZE))
                .using(vertx)
                .build();
        try {
            this.dataSource = JdbcPool.open(setting, POOL_SIZE);
        } catch (java.sql.SQLException e) {
            closeReactive();
            throw new IllegalStateException("Cannot make a JDBC pool for " + setting + ": " + e.getMessage(), e);
        }
        this.db = VingDb.using(pool, dataSource, setting.log());
    }

    /**
     * ving's {@code useDB()}: the database of {@code VING_MYSQL}, opened on first use and closed when the process
     * exits. Inside a running Quarkus application it is the application's own {@link VingDb}; elsewhere {@code VING_MYSQL}
     * is read from the system property or the environment.
     *
     * @throws IllegalArgumentException when {@code VING_MYSQL} is missing or malformed, saying what is wrong
     */
    public static synchronized VingDb useDB() {
        Supplier<VingDb> application = applicationDb;
        if (application != null) {
            return application.get();
        }
        if (shared == null) {
            StandaloneDb opened = open(VingMysql.fromEnvironment().orElseThrow(VingMysql::notSet));
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "ving-useDB-close"));
            shared = opened;
        }
        return shared.db;
    }

    /** Called by the Quarkus glue as the application starts, and with null as it stops. */
    public static void installApplicationDb(Supplier<VingDb> db) {
        applicationDb = db;
    }

    /** A database of one's own; close it when done. Connections are made when first needed. */
    public static StandaloneDb open(VingMysql setting) {
        return new StandaloneDb(setting);
    }

    public VingDb db() {
        return db;
    }

    @Override
    public void close() {
        dataSource.close();
        closeReactive();
    }

    private void closeReactive() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}
