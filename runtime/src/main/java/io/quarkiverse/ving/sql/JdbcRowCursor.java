package io.quarkiverse.ving.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import io.quarkiverse.ving.table.Expression;

/**
 * A result read row by row as it is asked for, over JDBC streaming (MariaDB Connector/J reads {@code fetchSize} rows
 * at a time from the socket): the server sends the result without materialising it, and memory holds one batch.
 * Blocking: used from a worker thread only. It owns its connection until {@link #close}.
 */
final class JdbcRowCursor implements Iterator<Row>, AutoCloseable {

    /** Rows Connector/J reads from the socket at a time. */
    static final int FETCH_SIZE = 1_000;

    private final RenderedQuery query;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet result;
    private final List<String> names;
    private final List<Expression<?>> selected;
    /** Per column: whether it is a date and time, read as LocalDateTime without a Timestamp on the way. */
    private final boolean[] dateTimes;
    private Boolean hasNext;

    private JdbcRowCursor(RenderedQuery query, Connection connection, PreparedStatement statement, ResultSet result,
            List<Expression<?>> selected) throws SQLException {
        this.query = query;
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.selected = selected;
        ResultSetMetaData metaData = result.getMetaData();
        List<String> columnNames = new ArrayList<>(metaData.getColumnCount());
        dateTimes = new boolean[metaData.getColumnCount()];
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columnNames.add(metaData.getColumnLabel(i));
            dateTimes[i - 1] = metaData.getColumnType(i) == Types.TIMESTAMP;
        }
        this.names = List.copyOf(columnNames);
    }

    /** Runs the query; a failure to connect or to start it is a {@link StreamFailedException}. */
    static JdbcRowCursor open(DataSource dataSource, RenderedQuery query, List<Expression<?>> selected) {
        try {
            return start(dataSource, query, selected);
        } catch (SQLException e) {
            throw new StreamFailedException(query, e);
        }
    }

    private static JdbcRowCursor start(DataSource dataSource, RenderedQuery query, List<Expression<?>> selected)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            PreparedStatement statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < query.params().size(); i++) {
                statement.setObject(i + 1, query.params().get(i));
            }
            return new JdbcRowCursor(query, connection, statement, statement.executeQuery(), selected);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (hasNext == null) {
            try {
                hasNext = result.next();
            } catch (SQLException e) {
                throw new StreamFailedException(query, e);
            }
        }
        return hasNext;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                // a Timestamp costs a calendar's work per value, and shifts a wall-clock time the JVM's zone skips
                values[i] = dateTimes[i] ? result.getObject(i + 1, LocalDateTime.class) : result.getObject(i + 1);
            }
            return new Row(values, names, selected);
        } catch (SQLException e) {
            throw new StreamFailedException(query, e);
        }
    }

    /**
     * Releases the statement and the connection. A cancelled stream first asks the server to stop the query: closing
     * a streaming statement otherwise reads the rest of the result first.
     */
    void close(boolean cancelled) {
        if (cancelled) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // the query may just have finished; closing below still releases everything
            }
        }
        close();
    }

    @Override
    public void close() {
        try (connection; statement; result) {
            // closed in reverse order by try-with-resources
        } catch (SQLException e) {
            // nothing more can be done with a connection that fails to close; the pool replaces it
        }
    }

    /** A stream that failed after it started: the connection dropped, the server killed the query. */
    static final class StreamFailedException extends RuntimeException {
        StreamFailedException(RenderedQuery query, SQLException cause) {
            super("Streaming the result of `" + query.sql() + "` failed: " + cause.getMessage(), cause);
        }
    }
}
