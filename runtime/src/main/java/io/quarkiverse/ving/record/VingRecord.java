package io.quarkiverse.ving.record;

import static io.quarkiverse.ving.sql.Orm.eq;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.table.Column;
import io.smallrye.mutiny.Uni;

/**
 * One record of a kind: ving's {@code VingRecord}. Generated record classes ({@code User}) hold the values in typed
 * fields; this class gives them ving's API by prop name, checks every value set against the schema, and reads and
 * writes the record's row through the kind it came from.
 *
 * @param <R> the record class itself, so that fluent methods return it
 */
public abstract class VingRecord<R extends VingRecord<R>> {

    private final KindModel model;
    /** The kind the record was minted or read by: its database. Null for a record made with {@code new}. */
    private Kind<R> kind;

    protected VingRecord(KindModel model) {
        this.model = model;
    }

    /** The value of a column prop, by name, as its generated field holds it. */
    protected abstract Object read(String prop);

    /** Stores an already checked value in the prop's generated field. */
    protected abstract void write(String prop, Object value);

    // --- values ---------------------------------------------------------------------------------------------

    /** The value of a prop. */
    public Object get(String name) {
        RecordProp prop = model.requireProp(name);
        return prop.isVirtual() ? null : read(name);
    }

    /** Every column prop's value, in schema order. */
    public Map<String, Object> getAll() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordProp prop : model.columnProps()) {
            values.put(prop.name(), read(prop.name()));
        }
        return values;
    }

    /**
     * The column props anyone may see (those whose view names {@code public}), in schema order: what a record shows
     * as JSON, so that returning records from a REST resource never publishes a private prop such as a password.
     * Map {@link #getAll()} for more.
     */
    @JsonValue
    public Map<String, Object> publicProps() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordProp prop : model.columnProps()) {
            if (prop.isPublic()) {
                values.put(prop.name(), read(prop.name()));
            }
        }
        return values;
    }

    /**
     * Sets a prop, checked against the schema: its type, length, enums and whether it is required.
     *
     * @throws Ouch 441 for a required prop left empty, 442 for a value that does not fit
     */
    public R set(String name, Object value) {
        write(name, PropValues.checked(model.kind(), model.requireProp(name), value));
        return self();
    }

    /** Sets every given prop but those marked {@code noSetAll} in the schema (and the id), each checked. */
    public R setAll(Map<String, ?> values) {
        values.forEach((name, value) -> {
            RecordProp prop = model.requireProp(name);
            if (!prop.isNoSetAll() && !name.equals("id")) {
                set(name, value);
            }
        });
        return self();
    }

    public Long id() {
        return (Long) read("id");
    }

    public KindModel model() {
        return model;
    }

    // --- the database ----------------------------------------------------------------------------------------

    /** Inserts the record and fills its id. */
    public Uni<R> insert() {
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        for (RecordProp prop : model.columnProps()) {
            Object value = read(prop.name());
            // a missing value of a NOT NULL column is left to the column's default
            if (value != null || !prop.column().isNotNull()) {
                values.put(prop.column(), value);
            }
        }
        return kind().db().insert(model.table()).values(values).execute().map(result -> {
            if (id() == null) {
                write("id", result.insertId());
            }
            return self();
        });
    }

    /** Writes the record's values to its row, first setting its autoUpdate dates to now. */
    public Uni<R> update() {
        requireId("update");
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        for (RecordProp prop : model.columnProps()) {
            if (prop.isAutoUpdate()) {
                write(prop.name(), now);
            }
            if (!prop.name().equals("id")) {
                values.put(prop.column(), read(prop.name()));
            }
        }
        return kind().db().update(model.table()).set(values).where(eq(model.id(), id())).execute().map(result -> self());
    }

    /** Deletes the record's row. */
    public Uni<Void> delete() {
        requireId("delete");
        return kind().db().delete(model.table()).where(eq(model.id(), id())).execute().replaceWithVoid();
    }

    /** Reads the record's row again; an Ouch 404 when it is gone. */
    public Uni<R> refresh() {
        requireId("refresh");
        return kind().db().select().from(model.table()).where(eq(model.id(), id())).execute().map(rows -> {
            if (rows.isEmpty()) {
                throw kind().notFound(id());
            }
            readRow(rows.get(0));
            return self();
        });
    }

    /** The record a parent (or sibling) relation points at ({@code apikey.parent("user")}); null when unset. */
    public Uni<? extends VingRecord<?>> parent(String relationName) {
        RecordProp prop = model.relation(relationName, false);
        Object parentId = read(prop.name());
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return kind().related(prop).findOrDie((Long) parentId);
    }

    /** The kind of a child relation, scoped to this record ({@code user.children("apikeys")}). */
    public Kind<?> children(String relationName) {
        RecordProp prop = model.relation(relationName, true);
        requireId("reach the children of");
        return kind().related(prop).scopedTo(Map.of(prop.name(), id()));
    }

    // --- for kinds -------------------------------------------------------------------------------------------

    void bind(Kind<R> owner) {
        this.kind = owner;
    }

    void readRow(Row row) {
        for (RecordProp prop : model.columnProps()) {
            write(prop.name(), row.get(prop.column()));
        }
    }

    private Kind<R> kind() {
        if (kind == null) {
            throw new IllegalStateException("This " + model.kind() + " was not made by its kind: make it with "
                    + "mint/create or read it with find…, or bind a copy with kind.copy(record)");
        }
        return kind;
    }

    private void requireId(String action) {
        if (id() == null) {
            throw new IllegalStateException("Cannot " + action + " a " + model.kind() + " that has no id: insert it first");
        }
    }

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /** The kind and id only: values may be private. */
    @Override
    public String toString() {
        return model.kind() + "#" + id();
    }
}
