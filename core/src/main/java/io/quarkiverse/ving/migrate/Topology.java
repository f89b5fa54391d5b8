package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of server a migration talks to, read before anything is written: it decides which lock holds
 * ({@link MigrationLock}) and whether {@code --up} may run there at all ({@link #refusal()}).
 *
 * @param kind what answers: a single server, a Galera node, a Group Replication member, TiDB or Vitess
 * @param version the server's version string
 * @param readOnly the read-only setting that is on ({@code read_only}, {@code super_read_only} …), if any
 * @param primary for a replica, the primary it replicates from ({@code host:port}), or "unknown" when the user may not
 *        see it; empty for a server that is no replica
 * @param galera for a Galera node, its state
 */
public record Topology(Kind kind, String version, Optional<String> readOnly, Optional<String> primary, Optional<Galera> galera) {

    public enum Kind {
        SINGLE_SERVER,
        GALERA,
        GROUP_REPLICATION,
        TIDB,
        VITESS
    }

    /**
     * @param clusterSize the nodes in the node's component
     * @param state the node's state ({@code Synced}, {@code Donor/Desynced} …)
     * @param ready whether the node accepts queries ({@code wsrep_ready})
     * @param osuMethod how the node applies DDL: {@code TOI} (everywhere, in order) or {@code RSU} (here only)
     */
    public record Galera(int clusterSize, String state, boolean ready, String osuMethod) {
    }

    /** Why {@code --up} must not write here; each has its own exit status in the command line. */
    public enum Refusal {
        /** A replica: what is written here is not on its primary, and breaks replication. */
        REPLICA,
        /** A read-only server (not a replica). */
        READ_ONLY,
        /** A Galera node that would apply DDL to itself only (RSU), or that is not synced with its cluster. */
        GALERA_NODE
    }

    /** Reads the topology; only reads, with the privileges of any user. */
    public static Topology of(Connection connection) throws SQLException {
        Map<String, String> variables = nameValues(connection, "show variables where Variable_name in ('version',"
                + " 'version_comment', 'read_only', 'super_read_only', 'innodb_read_only', 'wsrep_on', 'wsrep_OSU_method',"
                + " 'tidb_version')");
        String version = variables.getOrDefault("version", "");
        String comment = variables.getOrDefault("version_comment", "");
        Optional<String> readOnly = java.util.stream.Stream.of("super_read_only", "read_only", "innodb_read_only")
                .filter(name -> on(variables.get(name))).findFirst();

        if (version.contains("TiDB") || variables.containsKey("tidb_version")) {
            return new Topology(Kind.TIDB, version, readOnly, Optional.empty(), Optional.empty());
        }
        if (version.contains("Vitess") || comment.contains("Vitess")) {
            return new Topology(Kind.VITESS, version, readOnly, Optional.empty(), Optional.empty());
        }
        Map<String, String> status = nameValues(connection, "show global status where Variable_name in ("
                + "'wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready', 'Slaves_running')");
        Optional<String> primary = primary(connection, status);
        if (on(variables.get("wsrep_on"))) {
            Galera galera = new Galera(Integer.parseInt(status.getOrDefault("wsrep_cluster_size", "0")),
                    status.getOrDefault("wsrep_local_state_comment", "unknown"), on(status.get("wsrep_ready")),
                    variables.getOrDefault("wsrep_osu_method", "TOI"));
            return new Topology(Kind.GALERA, version, readOnly, primary, Optional.of(galera));
        }
        // Group Replication is MySQL's: a MariaDB server is spared the query
        if (!version.contains("MariaDB") && groupReplicationMember(connection)) {
            return new Topology(Kind.GROUP_REPLICATION, version, readOnly, primary, Optional.empty());
        }
        return new Topology(Kind.SINGLE_SERVER, version, readOnly, primary, Optional.empty());
    }

    /** Why {@code --up} must not write here, if it must not. */
    public Optional<Refusal> refusal() {
        if (primary.isPresent()) {
            return Optional.of(Refusal.REPLICA);
        }
        if (readOnly.isPresent()) {
            return Optional.of(Refusal.READ_ONLY);
        }
        if (galera.isPresent() && (!galera.get().osuMethod().equalsIgnoreCase("TOI") || !galera.get().ready()
                || !galera.get().state().equals("Synced"))) {
            return Optional.of(Refusal.GALERA_NODE);
        }
        return Optional.empty();
    }

    /** The refusal's message: what the server is, that nothing was written, and where to run instead. */
    public String refusalMessage(String database) {
        return switch (refusal().orElseThrow()) {
            case REPLICA -> database + " is a replica" + (primary.get().equals("unknown") ? ""
                    : " of " + primary.get()) + ": a migration applied here is not on its primary, and stops replication"
                    + " when the primary's changes arrive. Nothing was written. Run --up against the primary"
                    + (primary.get().equals("unknown") ? "" : " (" + primary.get() + ")")
                    + "; the replica receives the migrations from it.";
            case READ_ONLY -> database + " is read-only (" + readOnly.get() + " = ON): nothing was written. Run --up against"
                    + " the server that takes writes, or turn " + readOnly.get() + " off if this one should.";
            case GALERA_NODE -> galera.get().osuMethod().equalsIgnoreCase("TOI")
                    ? database + " is a Galera node that is not synced with its cluster (state " + galera.get().state()
                            + ", wsrep_ready " + (galera.get().ready() ? "ON" : "OFF") + "): nothing was written. Wait until it"
                            + " is synced, or run --up against a synced node."
                    : database + " is a Galera node with wsrep_OSU_method = " + galera.get().osuMethod() + ": DDL would change"
                            + " this node only and leave the cluster inconsistent. Nothing was written. Run --up with"
                            + " wsrep_OSU_method = TOI (the default): SET GLOBAL wsrep_OSU_method = 'TOI'.";
        };
    }

    /** One line for {@code --status}. */
    public String describe() {
        String text = switch (kind) {
            case SINGLE_SERVER -> "single server";
            case GALERA -> "Galera cluster of " + galera.get().clusterSize() + " nodes (this node " + galera.get().state()
                    + ", DDL " + galera.get().osuMethod() + ")";
            case GROUP_REPLICATION -> "MySQL Group Replication member";
            case TIDB -> "TiDB";
            case VITESS -> "Vitess";
        };
        if (primary.isPresent()) {
            text += ", replica of " + primary.get();
        }
        if (readOnly.isPresent()) {
            text += ", read-only (" + readOnly.get() + ")";
        }
        return text + ", " + version;
    }

    private static boolean on(String value) {
        return value != null && (value.equalsIgnoreCase("ON") || value.equals("1"));
    }

    private static Map<String, String> nameValues(Connection connection, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.put(result.getString(1).toLowerCase(java.util.Locale.ROOT), result.getString(2)); // wsrep_OSU_method
            }
        }
        return values;
    }

    /**
     * The primary this server replicates from: MariaDB's {@code SHOW ALL SLAVES STATUS}, MySQL's {@code SHOW REPLICA
     * STATUS}; for a user not allowed to see those, MariaDB's {@code Slaves_running} still tells that it is a replica.
     */
    private static Optional<String> primary(Connection connection, Map<String, String> status) throws SQLException {
        for (String sql : new String[] { "show all slaves status", "show replica status", "show slave status" }) {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    String host = column(result, "Master_Host", "Source_Host");
                    if (host != null && !host.isEmpty()) {
                        return Optional.of(host + ":" + column(result, "Master_Port", "Source_Port"));
                    }
                }
                return unknownPrimary(status);
            } catch (SQLException e) {
                if (e.getErrorCode() == 1227 || e.getErrorCode() == 1045 || e.getErrorCode() == 1142) { // not allowed
                    return unknownPrimary(status);
                }
                // a syntax this server does not know: try the next form
            }
        }
        return Optional.empty();
    }

    /** MariaDB's {@code Slaves_running}, which any user may read, tells a replica whose primary it cannot see. */
    private static Optional<String> unknownPrimary(Map<String, String> status) {
        return Integer.parseInt(status.getOrDefault("slaves_running", "0")) > 0 ? Optional.of("unknown") : Optional.empty();
    }

    private static String column(ResultSet result, String... names) throws SQLException {
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
            String label = result.getMetaData().getColumnLabel(i);
            for (String name : names) {
                if (label.equalsIgnoreCase(name)) {
                    return result.getString(i);
                }
            }
        }
        return null;
    }

    private static boolean groupReplicationMember(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from performance_schema.replication_group_members"
                        + " where MEMBER_STATE = 'ONLINE'")) {
            return result.next() && result.getInt(1) > 0;
        } catch (SQLException e) {
            return false; // MariaDB, or no performance_schema: not a member
        }
    }
}
