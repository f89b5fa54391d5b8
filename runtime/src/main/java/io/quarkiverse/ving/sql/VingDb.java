package io.quarkiverse.ving.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.quarkiverse.ving.connection.QueryLog;
import io.quarkiverse.ving.table.Expression;
import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.mysqlclient.MySQLClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * ving's {@code useDB()}: queries built as Drizzle builds them, run on the reactive MySQL client.
 *
 * <pre>
 * db.select().from(UserTable.TABLE).where(eq(UserTable.email, "joe@example.com")).execute()
 * </pre>
 *
 * Inject it in an application; {@link #using(Pool, boolean)} makes one outside CDI.
 */
public final class VingDb {

    /** How {@link SelectQuery#iterator()} reads a large result. */
    public enum StreamMechanism {
        /** JDBC streaming (MariaDB Connector/J) on a worker thread, pulled by demand: no server-side cursor. */
        JDBC,
        /**
         * The reactive client's server-side cursor, fetched in batches as demanded. Behind a proxy that cannot
         * forward cursors (ProxySQL) it cannot work.
         */
        CURSOR
    }

    private static final Function<SqlConnection, Uni<Void>> CLOSE = SqlConnection::close;

    /** Rows a cursor fetches at a time. */
    private static final int CURSOR_FETCH = 1_000;

    private final SqlClient client;
    private final Pool pool;
    private final DataSource streams;
    private final StreamMechanism mechanism;
    private final boolean log;

    private VingDb(SqlClient client, Pool pool, DataSource streams, StreamMechanism mechanism, boolean log) {
        this.client = client;
        this.pool = pool;
        this.streams = streams;
        this.mechanism = mechanism;
        this.log = log;
    }

    /**
     * @param pool the reactive pool queries run on
     * @param streams the JDBC datasource large results stream from ({@link SelectQuery#iterator()})
     * @param log whether every statement goes to ving's query log ({@code VING_MYSQL=…?log=yes})
     */
    public static VingDb using(Pool pool, DataSource streams, boolean log) {
        return new VingDb(pool, pool, streams, StreamMechanism.JDBC, log);
    }

    /** The same database, streaming large results with this mechanism. */
    public VingDb streamingWith(StreamMechanism streamMechanism) {
        return new VingDb(client, pool, streams, streamMechanism, log);
    }

    // --- builders bound to this database ------------------------------------------------------------------

    public SelectQuery select() {
        return SelectQuery.of(List.of(), this);
    }

    public SelectQuery select(Expression<?>... fields) {
        return SelectQuery.of(List.of(fields), this);
    }

    public InsertQuery insert(Table table) {
        return InsertQuery.into(table, this);
    }

    public UpdateQuery update(Table table) {
        return UpdateQuery.of(table, this);
    }

    public DeleteQuery delete(Table table) {
        return DeleteQuery.from(table, this);
    }

    // --- running --------------------------------------------------------------------------------------------

    /** Runs a query built without a database ({@code Orm.select()…}). */
    public Uni<List<Row>> run(SelectQuery query) {
        return select(query);
    }

    public Uni<WriteResult> run(InsertQuery statement) {
        return write(statement.render());
    }

    public Uni<WriteResult> run(UpdateQuery statement) {
        return write(statement.render());
    }

    public Uni<WriteResult> run(DeleteQuery statement) {
        return write(statement.render());
    }

    /**
     * Runs the work in one transaction, committed when its Uni succeeds and rolled back when it fails; the work gets
     * a database bound to the transaction's connection.
     */
    public <T> Uni<T> transaction(Function<VingDb, Uni<T>> work) {
        if (pool == null) {
            return work.apply(this); // already inside a transaction
        }
        return pool.withTransaction(connection -> work.apply(new VingDb(connection, null, streams, mechanism, log)));
    }

    Uni<List<Row>> select(SelectQuery query) {
        RenderedQuery rendered = query.render();
        List<Expression<?>> selected = MySqlRenderer.selected(query);
        return send(rendered).map(rows -> {
            List<String> names = rows.columnsNames();
            List<Row> result = new ArrayList<>(rows.size());
            rows.forEach(row -> result.add(Row.of(row, names, selected)));
            return result;
        });
    }

    /**
     * The rows of a query as they are asked for, by the configured mechanism; the connection is released when the
     * stream completes, fails or is cancelled.
     */
    Multi<Row> stream(SelectQuery query) {
        RenderedQuery rendered = logged(query.render());
        List<Expression<?>> selected = MySqlRenderer.selected(query);
        return mechanism == StreamMechanism.CURSOR ? cursor(rendered, selected) : jdbcStream(rendered, selected);
    }

    /** The reactive client's cursor, on a connection of its own, fetched in batches as demanded. */
    private Multi<Row> cursor(RenderedQuery rendered, List<Expression<?>> selected) {
        if (pool == null) {
            throw new IllegalStateException("Stream from the database, not from inside a transaction");
        }
        return Multi.createFrom().resourceFromUni(pool::getConnection,
                connection -> connection.prepare(rendered.sql()).onItem().transformToMulti(prepared -> {
                    List<String> names = new ArrayList<>();
                    return prepared.createStream(CURSOR_FETCH, Tuple.from(rendered.params())).toMulti()
                            .map(row -> {
                                if (names.isEmpty()) {
                                    for (int i = 0; i < row.size(); i++) {
                                        names.add(row.getColumnName(i));
                                    }
                                }
                                return Row.of(row, names, selected);
                            });
                }))
                .withFinalizer(CLOSE);
    }

    /**
     * JDBC streaming on a worker thread, pulled by demand, one batch in memory; a cancelled query is stopped on the
     * server.
     */
    private Multi<Row> jdbcStream(RenderedQuery rendered, List<Expression<?>> selected) {
        if (streams == null) {
            throw new IllegalStateException("This database has no JDBC datasource to stream from: make it with VingDb.using(pool, dataSource, log)");
        }
        return Multi.createFrom().publisher(new JdbcRowPublisher(() -> JdbcRowCursor.open(streams, rendered, selected),
                Infrastructure.getDefaultWorkerPool()));
    }

    Uni<WriteResult> write(RenderedQuery rendered) {
        return send(rendered).map(rows -> {
            Long id = rows.property(MySQLClient.LAST_INSERTED_ID);
            return new WriteResult(rows.rowCount(), id == null ? 0 : id);
        });
    }

    private Uni<RowSet<io.vertx.mutiny.sqlclient.Row>> send(RenderedQuery rendered) {
        logged(rendered);
        return client.preparedQuery(rendered.sql()).execute(Tuple.from(rendered.params()))
                .onFailure().transform(failure -> QueryFailedException.of(rendered, failure));
    }

    /** Every statement goes to ving's query log when VING_MYSQL asks for it. */
    private RenderedQuery logged(RenderedQuery rendered) {
        if (log) {
            QueryLog.log(rendered.sql(), rendered.params());
        }
        return rendered;
    }

    /** The database a query was built from; a query built without one says how to run it. */
    static VingDb bound(VingDb db, String builder) {
        if (db == null) {
            throw new IllegalStateException("This query was not built from a database: start it with db." + builder
                    + "(…), or run it with db.run(query)");
        }
        return db;
    }
}
