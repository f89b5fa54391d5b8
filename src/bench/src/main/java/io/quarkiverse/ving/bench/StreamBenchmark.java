package io.quarkiverse.ving.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.record.DescribeOptions;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.mysqlclient.MySQLPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import ving.record.Users;

/**
 * Streams every row of a users-like table of 1,000,000 rows, one way per process (so each one's peak memory is its
 * own): {@code setup}, then {@code jdbc} (MariaDB Connector/J streaming), {@code cursor} (the Vert.x client's cursor
 * stream), {@code ving} ({@code db.select().from(users).iterator()} over JDBC) and {@code ving-cursor} (the same over
 * the cursor) and {@code findall} (records of the generated {@code Users} kind, {@code users.findAll(null)}, over JDBC).
 * Prints "rows seconds seconds-to-the-first-row".
 */
public final class StreamBenchmark {

    static final int ROWS = Integer.getInteger("rows", 1_000_000);
    private static final String HOST = System.getenv().getOrDefault("VING_BENCH_DB_HOST", "127.0.0.1:3306");
    private static final String DATABASE = "ving_bench_stream";

    /** When the way being measured asked for its connection: clients, pools and Vert.x are made before, untimed. */
    private static long queryStart;
    /** When the first row arrived: a server-side cursor makes the server build the whole result before it. */
    private static volatile long firstRow;

    public static void main(String[] args) throws Exception {
        Table users = users();
        String select = "select * from `users`";
        queryStart = System.nanoTime();
        long rows = switch (args[0]) {
            case "setup" -> setup(users);
            case "jdbc" -> jdbc(select);
            case "cursor" -> cursor(select);
            case "ving" -> ving(users, VingDb.StreamMechanism.JDBC);
            case "ving-cursor" -> ving(users, VingDb.StreamMechanism.CURSOR);
            case "findall" -> findAll();
            case "describe" -> describe();
            default -> throw new IllegalArgumentException("setup, jdbc, cursor, ving, ving-cursor or findall, not " + args[0]);
        };
        System.out.printf("%d %.3f %.3f%n", rows, (System.nanoTime() - queryStart) / 1e9, (firstRow - queryStart) / 1e9);
        System.exit(0); // Mutiny's default scheduler keeps a non-daemon thread alive
    }

    private static Table users() {
        return TableMapper.tables(SchemaDirectory.load(Path.of("src/main/ving"))).stream()
                .filter(table -> table.name().equals("users")).findFirst().orElseThrow();
    }

    private static long setup(Table users) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE);
            statement.execute("use " + DATABASE);
            statement.execute(DdlWriter.createTable(users));
            statement.execute("insert into users (username, email, realName, password, bio) select concat('user', seq), "
                    + "concat('user', seq, '@example.com'), concat('User Number ', seq), 'no-password-specified', "
                    + "repeat('x', 40) from seq_1_to_" + ROWS);
        }
        return ROWS;
    }

    private static long jdbc(String select) throws Exception {
        long rows = 0;
        queryStart = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url());
                PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setFetchSize(1_000);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int i = 1; i <= columns; i++) {
                        result.getObject(i);
                    }
                    if (rows++ == 0) {
                        firstRow = System.nanoTime();
                    }
                }
            }
        }
        return rows;
    }

    private static long cursor(String select) {
        Vertx vertx = Vertx.vertx();
        Pool pool = pool(vertx);
        try {
            AtomicLong rows = new AtomicLong();
            queryStart = System.nanoTime();
            pool.withTransaction(connection -> connection.prepare(select)
                    .onItem().transformToMulti(prepared -> prepared.createStream(1_000, Tuple.tuple()).toMulti())
                    .onItem().invoke(row -> {
                        for (int i = 0; i < row.size(); i++) {
                            row.getValue(i);
                        }
                        arrived(rows);
                    })
                    .collect().last()).await().indefinitely();
            return rows.get();
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static long ving(Table users, VingDb.StreamMechanism mechanism) throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = pool(vertx);
        try {
            VingDb db = VingDb.using(pool, new MariaDbDataSource(url()), false).streamingWith(mechanism);
            AtomicLong rows = new AtomicLong();
            queryStart = System.nanoTime();
            db.select().from(users).iterator()
                    .onItem().invoke(row -> arrived(rows))
                    .collect().last().await().indefinitely();
            return rows.get();
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    /** Records, not rows: each row read into a generated {@code User} bound to its kind. */
    private static long findAll() throws Exception {
        return records(users -> users.findAll(null));
    }

    /**
     * Records described as a REST export describes them: to an admin, who sees every prop but the password, with
     * meta and links, one after another as they stream.
     */
    private static long describe() throws Exception {
        return records(users -> {
            DescribeOptions asAdmin = DescribeOptions.as(users.mint(Map.of("admin", true))).withMeta().withLinks();
            return users.findAll(null).onItem().transformToUniAndConcatenate(user -> user.describe(asAdmin));
        });
    }

    /** Streams what the function makes of the users kind to its end; the number of items. */
    private static long records(Function<Users, Multi<?>> stream) throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = pool(vertx);
        try {
            Users users = new Users(VingDb.using(pool, new MariaDbDataSource(url()), false));
            AtomicLong rows = new AtomicLong();
            queryStart = System.nanoTime();
            stream.apply(users)
                    .onItem().invoke(item -> arrived(rows))
                    .collect().last().await().indefinitely();
            return rows.get();
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static void arrived(AtomicLong rows) {
        if (rows.incrementAndGet() == 1) {
            firstRow = System.nanoTime();
        }
    }

    private static Pool pool(Vertx vertx) {
        String[] hostPort = HOST.split(":");
        return MySQLPool.pool(vertx, new MySQLConnectOptions().setHost(hostPort[0]).setPort(Integer.parseInt(hostPort[1]))
                .setDatabase(DATABASE).setUser("root"), new PoolOptions().setMaxSize(2));
    }

    private static String url() {
        return "jdbc:mariadb://" + HOST + "/" + DATABASE + "?user=root";
    }
}
