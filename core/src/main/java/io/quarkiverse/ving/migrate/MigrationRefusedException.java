package io.quarkiverse.ving.migrate;

/** {@code --up} will not write to this server: a replica, a read-only server, a Galera node under RSU. Nothing was written. */
public class MigrationRefusedException extends MigrationException {

    private final Topology topology;

    public MigrationRefusedException(Topology topology, String database) {
        super((java.nio.file.Path) null, topology.refusalMessage(database));
        this.topology = topology;
    }

    public Topology.Refusal refusal() {
        return topology.refusal().orElseThrow();
    }

    public Topology topology() {
        return topology;
    }
}
