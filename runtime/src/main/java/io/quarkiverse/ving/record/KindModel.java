package io.quarkiverse.ving.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;

/**
 * A kind as its records see it: its name, its table and its props, generated from its schema once per kind
 * ({@code Users.MODEL}).
 */
public final class KindModel {

    private final String kind;
    private final Table table;
    private final Map<String, RecordProp> props;
    private final List<RecordProp> propsInOrder;
    private final List<RecordProp> columnProps;
    private final Column<Long> id;
    private final List<String> owner;
    private final List<String> roles;

    public KindModel(String kind, Table table, List<RecordProp> props) {
        this(kind, table, props, List.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    private KindModel(String kind, Table table, List<RecordProp> props, List<String> owner, List<String> roles) {
        this.owner = List.copyOf(owner);
        this.roles = List.copyOf(roles);
        this.kind = kind;
        this.table = table;
        this.props = new LinkedHashMap<>();
        for (RecordProp prop : props) {
            // several virtual props may share a name (User's userId, once per child kind); the first one answers get
            this.props.putIfAbsent(prop.name(), prop);
        }
        this.propsInOrder = List.copyOf(props);
        // read for every record a query returns: kept, not filtered each time
        this.columnProps = propsInOrder.stream().filter(prop -> !prop.isVirtual()).toList();
        this.id = (Column<Long>) table.column("id").orElseThrow(
                () -> new IllegalArgumentException("Kind " + kind + " has no id column: ving records need one"));
    }

    /**
     * The same kind, owned as its schema's {@code owner} says: {@code $prop} (the prop holds the user's id), a role
     * the user has ({@code admin}), or {@code ^relation} (the user owns the parent record).
     */
    public KindModel ownedBy(String... owners) {
        return new KindModel(kind, table, propsInOrder, List.of(owners), roles);
    }

    /** The same kind, its records holding these boolean role props ({@code admin}, {@code verifiedEmail}). */
    public KindModel withRoles(String... roleProps) {
        return new KindModel(kind, table, propsInOrder, owner, List.of(roleProps));
    }

    public String kind() {
        return kind;
    }

    /** The schema's {@code owner} list. */
    public List<String> owner() {
        return owner;
    }

    /** The role props the kind's records hold; empty when they are not users. */
    public List<String> roles() {
        return roles;
    }

    public Table table() {
        return table;
    }

    /** Every prop, virtual ones included, in schema order. */
    public List<RecordProp> props() {
        return propsInOrder;
    }

    /** The props that have a column, in schema order. */
    public List<RecordProp> columnProps() {
        return columnProps;
    }

    public Column<Long> id() {
        return id;
    }

    public Optional<RecordProp> prop(String name) {
        return Optional.ofNullable(props.get(name));
    }

    /** The prop of this name; an Ouch naming the kind when there is none. */
    RecordProp requireProp(String name) {
        RecordProp prop = props.get(name);
        if (prop == null) {
            throw new Ouch(Ouch.INVALID, kind + " has no prop named " + name + ".", name);
        }
        return prop;
    }

    /** The prop through which a relation of this name runs; an IllegalArgumentException listing the relations. */
    RecordProp relation(String name, boolean child) {
        return propsInOrder.stream()
                .filter(prop -> prop.relation() != null && prop.relation().name().equals(name)
                        && prop.relation().isChild() == child)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind + " has no " + (child ? "child" : "parent")
                        + " relation named " + name + "; it has " + propsInOrder.stream()
                                .filter(prop -> prop.relation() != null && prop.relation().isChild() == child)
                                .map(prop -> prop.relation().name()).toList()));
    }
}
