package io.quarkiverse.ving.record;

import static io.quarkiverse.ving.sql.Orm.eq;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.sql.VingDb;
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
    /** Whether the record's row exists: read from it, or inserted. */
    private boolean inserted;
    private boolean deleted;
    /** Made when first needed: a streamed record needs neither, and is made a million times. */
    private List<Warning> warnings;
    /** Parent records by relation name, read once: ving's parent cache; made when first needed. */
    private Map<String, VingRecord<?>> parents;

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
        RecordProp prop = model.requireProp(name);
        write(name, PropValues.checked(model.kind(), prop, value));
        if (parents != null && prop.relation() != null && !prop.relation().isChild()) {
            parents.remove(prop.relation().name());
        }
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

    /** Inserts the record and fills its id; an Ouch 409 when it is already inserted. */
    public Uni<R> insert() {
        if (inserted) {
            return Uni.createFrom().failure(new Ouch(Ouch.CONFLICT, model.kind() + " already inserted", null));
        }
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
            inserted = true;
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
        return kind().db().delete(model.table()).where(eq(model.id(), id())).execute().invoke(() -> deleted = true)
                .replaceWithVoid();
    }

    /** Reads the record's row again, and forgets the parents read; an Ouch 404 when it is gone. */
    public Uni<R> refresh() {
        requireId("refresh");
        flushParentCache();
        return kind().db().select().from(model.table()).where(eq(model.id(), id())).execute().map(rows -> {
            if (rows.isEmpty()) {
                throw kind().notFound();
            }
            readRow(rows.get(0));
            return self();
        });
    }

    /**
     * The record a parent (or sibling) relation points at ({@code apikey.parent("user")}); null when unset. Read once,
     * then kept until the prop is set, the record refreshed, or {@link #flushParentCache()}.
     */
    public Uni<? extends VingRecord<?>> parent(String relationName) {
        RecordProp prop = model.relation(relationName, false);
        VingRecord<?> known = parents == null ? null : parents.get(relationName);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Object parentId = read(prop.name());
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return kind().related(prop).findOrDie((Long) parentId).invoke(parent -> {
            if (parents == null) {
                parents = new HashMap<>();
            }
            parents.put(relationName, parent);
        });
    }

    /** Forgets the parent records {@link #parent} read. */
    public void flushParentCache() {
        parents = null;
    }

    /** ving's {@code parentPropSchema}: the prop a parent relation runs through; an Ouch 404 when there is none. */
    public RecordProp parentPropSchema(String relationName) {
        return model.props().stream()
                .filter(prop -> prop.relation() != null && !prop.relation().isChild()
                        && prop.relation().name().equals(relationName))
                .findFirst()
                .orElseThrow(() -> new Ouch(Ouch.NOT_FOUND, model.kind() + " has no parent relation named " + relationName
                        + ".", relationName));
    }

    /** The kind of a child relation, scoped to this record ({@code user.children("apikeys")}). */
    public Kind<?> children(String relationName) {
        RecordProp prop = model.relation(relationName, true);
        requireId("reach the children of");
        return kind().related(prop).scopedTo(Map.of(prop.name(), id()));
    }

    /** The database the record's kind reads and writes. */
    public VingDb db() {
        return kind().db();
    }

    /** Whether the record's row exists: it was read, or inserted. */
    public boolean isInserted() {
        return inserted;
    }

    /** A new record of the same kind with this one's values but its id and createdAt: ving's {@code copy}. */
    public R copy() {
        return kind().copy(self());
    }

    // --- warnings ------------------------------------------------------------------------------------------

    /** A warning for whoever asked: ving's {@code {code, message}}, shown by {@code describe}. */
    public record Warning(int code, String message) {
    }

    /** ving's {@code addWarning}: shown under {@code warnings} in the record's description. */
    public void addWarning(int code, String message) {
        if (warnings == null) {
            warnings = new ArrayList<>();
        }
        warnings.add(new Warning(code, message));
    }

    public List<Warning> warnings() {
        return warnings == null ? List.of() : List.copyOf(warnings);
    }

    // --- ownership and roles ---------------------------------------------------------------------------------

    /**
     * ving's {@code isOwner}: whether the user owns the record, by the schema's {@code owner} list, in its order:
     * {@code $prop} (the prop holds the user's id), a role the user has, {@code ^relation} (the user owns the parent).
     * False for no user.
     */
    public Uni<Boolean> isOwner(CurrentUser user) {
        return user == null ? Uni.createFrom().item(false) : ownedFrom(user, 0);
    }

    private Uni<Boolean> ownedFrom(CurrentUser user, int first) {
        List<String> owners = model.owner();
        for (int i = first; i < owners.size(); i++) {
            String owner = owners.get(i);
            if (owner.startsWith("$")) {
                if (sameId(get(owner.substring(1)), user.getRoleProp("id"))) {
                    return Uni.createFrom().item(true);
                }
            } else if (owner.startsWith("^")) {
                int next = i + 1;
                return parent(owner.substring(1))
                        .chain(parent -> parent == null ? Uni.createFrom().item(false) : parent.isOwner(user))
                        .chain(owns -> owns ? Uni.createFrom().item(true) : ownedFrom(user, next));
            } else if (user.isRole(owner)) {
                return Uni.createFrom().item(true);
            }
        }
        return Uni.createFrom().item(false);
    }

    /** Whether two ids are one: numbers, or ving's string ids (a session may hold those). */
    private static boolean sameId(Object mine, Object theirs) {
        Optional<Long> a = asId(mine);
        return a.isPresent() && a.equals(asId(theirs));
    }

    private static Optional<Long> asId(Object id) {
        if (id instanceof Long || id instanceof Integer) {
            return Optional.of(((Number) id).longValue());
        }
        return id instanceof String text ? VingIds.tryParse(text) : Optional.empty();
    }

    /** ving's {@code canEdit}: true when the user owns the record, else an Ouch 403 naming the kind. */
    public Uni<Boolean> canEdit(CurrentUser user) {
        return isOwner(user).map(owns -> {
            if (!owns) {
                throw new Ouch(Ouch.FORBIDDEN, "You do not have the privileges to access " + model.kind() + ".", null);
            }
            return true;
        });
    }

    /**
     * ving's role mixin, for records whose kind has role props ({@code withRoles}): {@code public} always, {@code
     * owner} never (see {@link #isOwner}), a role prop when it is true or when {@code admin} is.
     */
    protected final boolean hasRole(String role) {
        if ("public".equals(role)) {
            return true;
        }
        if ("owner".equals(role) || !model.roles().contains(role)) {
            return false;
        }
        return Boolean.TRUE.equals(read(role)) || model.roles().contains("admin") && Boolean.TRUE.equals(read("admin"));
    }

    /**
     * The name the record goes by, for kinds with ving User's {@code useAsDisplayName}: the prop it names (the
     * username otherwise), or {@code -unknown-} when that is empty; empty for other kinds.
     */
    public Optional<String> displayName() {
        if (model.prop("useAsDisplayName").isEmpty()) {
            return Optional.empty();
        }
        Object chosen = read("useAsDisplayName");
        String name = chosen != null && model.prop(chosen.toString()).filter(prop -> !prop.isVirtual()).isPresent()
                ? chosen.toString()
                : "username";
        Object value = model.prop(name).isPresent() ? read(name) : null;
        return Optional.of(value == null || value.toString().isEmpty() ? "-unknown-" : value.toString());
    }

    // --- descriptions --------------------------------------------------------------------------------------

    /**
     * ving's {@code describe}: the record as the user may see it, in ving's shape ({@code props}, and as asked {@code
     * links}, {@code options}, {@code meta}, {@code related}, {@code extra}; {@code warnings} when there are any).
     */
    public Uni<Map<String, Object>> describe(DescribeOptions options) {
        return isOwner(options.currentUser()).chain(owns -> RecordDescription.of(this, options, owns));
    }

    /** {@link #describe(DescribeOptions)} with ving's {@code {currentUser, include: {…}}}. */
    public Uni<Map<String, Object>> describe(Map<String, ?> params) {
        return Uni.createFrom().item(() -> DescribeOptions.from(params)).chain(this::describe);
    }

    /**
     * ving's {@code propOptions}: the {@code {value, label}} options of each enum and boolean prop the user may see.
     *
     * @param all whether owner-only props count as seen, whoever asks
     */
    public Uni<Map<String, List<Map<String, Object>>>> propOptions(DescribeOptions options, boolean all) {
        return isOwner(options.currentUser()).map(owns -> RecordDescription.propOptions(model, options, owns, all));
    }

    public Uni<Map<String, List<Map<String, Object>>>> propOptions(DescribeOptions options) {
        return propOptions(options, false);
    }

    /**
     * An extra description a subclass provides, by the name {@code include.extra} gives ({@code "stats"}); null for a
     * name it does not know, which the description leaves out.
     */
    protected Uni<?> describeExtra(String name, DescribeOptions options) {
        return Uni.createFrom().nullItem();
    }

    // --- posted props --------------------------------------------------------------------------------------

    /**
     * ving's {@code setPostedProps}: sets those of the posted props the user may edit (others, and props the kind does
     * not have, are skipped as ving skips them), each checked; a unique prop's value is checked against the other
     * records (409), a parent relation against the user's right to edit the new parent (403). Nothing is set unless
     * every posted value passes.
     */
    public Uni<Boolean> setPostedProps(Map<String, ?> params, CurrentUser user) {
        return isOwner(user).chain(owns -> new PostedProps(this, user, owns).apply(params)).replaceWith(true);
    }

    /**
     * ving's {@code testCreationProps}: true, or an Ouch 441 naming the first required prop that has no default and
     * is missing or empty in the params.
     */
    public boolean testCreationProps(Map<String, ?> params) {
        return PostedProps.testCreationProps(model, params);
    }

    /** ving's {@code updateAndVerify}: {@link #setPostedProps}, then {@link #update()}. */
    public Uni<R> updateAndVerify(Map<String, ?> params, CurrentUser user) {
        return setPostedProps(params, user).chain(ignored -> update());
    }

    // --- for kinds -------------------------------------------------------------------------------------------

    void bind(Kind<R> owner) {
        this.kind = owner;
    }

    void readRow(Row row) {
        for (RecordProp prop : model.columnProps()) {
            write(prop.name(), row.get(prop.column()));
        }
        inserted = true;
    }

    /** Reads a column prop's value, for the describing and posting helpers. */
    Object value(String prop) {
        return read(prop);
    }

    boolean isDeleted() {
        return deleted;
    }

    /** The kind at the other end of a relation of this record's kind. */
    Kind<?> kindForRelation(RecordProp prop) {
        return kind().related(prop);
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
