package io.quarkiverse.ving.record;

import static io.quarkiverse.ving.sql.Orm.and;
import static io.quarkiverse.ving.sql.Orm.eq;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkiverse.ving.sql.ComparisonOperator;
import io.quarkiverse.ving.sql.Condition;
import io.quarkiverse.ving.sql.DeleteQuery;
import io.quarkiverse.ving.sql.InsertQuery;
import io.quarkiverse.ving.sql.Orm;
import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.sql.SelectQuery;
import io.quarkiverse.ving.sql.UpdateQuery;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Expression;
import io.quarkiverse.ving.table.OrderTerm;
import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * ving's {@code VingKind}: the records of one kind, their table and the queries that find them. Generated per kind
 * ({@code Users extends Kind<User>}); a kind handed out by a parent record ({@code user.children("apikeys")}) is
 * scoped by its {@link #propDefaults()}: what it finds, counts and deletes, and what it mints, belong to that parent.
 *
 * @param <R> the record class
 */
public class Kind<R extends VingRecord<R>> {

    private final KindModel model;
    private final VingDb db;
    private final Supplier<R> newRecord;
    private final Map<String, Object> propDefaults;

    /**
     * @param model the kind's schema, as records need it
     * @param db the database the kind's table is in
     * @param newRecord makes an empty record of the kind
     */
    protected Kind(KindModel model, VingDb db, Supplier<R> newRecord) {
        this(model, db, newRecord, Map.of());
    }

    private Kind(KindModel model, VingDb db, Supplier<R> newRecord, Map<String, Object> propDefaults) {
        this.model = model;
        this.db = db;
        this.newRecord = newRecord;
        this.propDefaults = propDefaults;
    }

    public String kind() {
        return model.kind();
    }

    public Table table() {
        return model.table();
    }

    public KindModel model() {
        return model;
    }

    public VingDb db() {
        return db;
    }

    /** The props every record of this kind has here: those of the parent that handed it out. */
    public Map<String, Object> propDefaults() {
        return propDefaults;
    }

    /** The same kind, scoped to these props (ving sets them when a parent hands out its children). */
    public Kind<R> scopedTo(Map<String, Object> props) {
        Map<String, Object> scoped = new LinkedHashMap<>(propDefaults);
        props.forEach((name, value) -> scoped.put(name, PropValues.checked(kind(), model.requireProp(name), value)));
        return new Kind<>(model, db, newRecord, Map.copyOf(scoped));
    }

    // --- builders on the table, as Drizzle's ------------------------------------------------------------------

    public SelectQuery select() {
        return db.select().from(table());
    }

    public InsertQuery insert() {
        return db.insert(table());
    }

    public UpdateQuery update() {
        return db.update(table());
    }

    public DeleteQuery delete() {
        return db.delete(table());
    }

    /** The where clause and the kind's propDefaults, together; either may be absent (null). */
    public Condition calcWhere(Condition where) {
        List<Condition> conditions = new ArrayList<>();
        // the values are as untyped as ving's own { name: value } object, so the comparison is built as eq would build it
        propDefaults.forEach((name, value) -> conditions
                .add(new Condition.Comparison(model.requireProp(name).column(), ComparisonOperator.EQ, value)));
        conditions.add(where);
        return and(conditions.toArray(Condition[]::new));
    }

    // --- aggregates ------------------------------------------------------------------------------------------

    public Uni<Long> count(Condition where) {
        return aggregate(Orm.count(), where);
    }

    /** Records whose column is not null. */
    public Uni<Long> count(Column<?> column, Condition where) {
        return aggregate(Orm.count(column), where);
    }

    public Uni<BigDecimal> sum(Column<? extends Number> column, Condition where) {
        return aggregate(Orm.sum(column), where);
    }

    public Uni<BigDecimal> avg(Column<? extends Number> column, Condition where) {
        return aggregate(Orm.avg(column), where);
    }

    public <T> Uni<T> min(Column<T> column, Condition where) {
        return aggregate(Orm.min(column), where);
    }

    public <T> Uni<T> max(Column<T> column, Condition where) {
        return aggregate(Orm.max(column), where);
    }

    private <T> Uni<T> aggregate(Expression<T> aggregate, Condition where) {
        return db.select(aggregate).from(table()).where(calcWhere(where)).execute().map(rows -> rows.get(0).get(aggregate));
    }

    // --- records in memory -----------------------------------------------------------------------------------

    /** A new record, not yet inserted: the schema's defaults, then the kind's propDefaults, then these props. */
    public R mint(Map<String, ?> props) {
        R record = newRecord();
        for (RecordProp prop : model.columnProps()) {
            record.write(prop.name(), PropValues.defaultOf(kind(), prop));
        }
        propDefaults.forEach(record::write);
        props.forEach(record::set);
        return record;
    }

    public R mint() {
        return mint(Map.of());
    }

    /**
     * A new record of this kind with the values of another, but not its id nor its createdAt: ving's {@code copy}. A
     * prop the original leaves null (a record made with {@code new}) keeps the schema's default.
     */
    public R copy(R original) {
        R copy = mint();
        original.getAll().forEach((name, value) -> {
            if (value != null && !name.equals("id") && !name.equals("createdAt")) {
                copy.write(name, value);
            }
        });
        propDefaults.forEach(copy::write);
        return copy;
    }

    /** Mints the record and inserts it. */
    public Uni<R> create(Map<String, ?> props) {
        return Uni.createFrom().item(() -> mint(props)).chain(VingRecord::insert);
    }

    /**
     * ving's {@code createAndVerify}: a record minted with the schema's defaults, the params checked by {@code
     * testCreationProps}, set as the user may post them ({@code setPostedProps}), then inserted.
     */
    public Uni<R> createAndVerify(Map<String, ?> props, CurrentUser user) {
        return Uni.createFrom().item(() -> {
            R record = mint();
            record.testCreationProps(props);
            return record;
        }).chain(record -> record.setPostedProps(props, user).chain(ignored -> record.insert()));
    }

    /** ving's {@code testCreationProps}, before a record is minted: true, or an Ouch 441 naming the missing prop. */
    public boolean testCreationProps(Map<String, ?> params) {
        return PostedProps.testCreationProps(model, params);
    }

    // --- records in the database -----------------------------------------------------------------------------

    /** The record of this string id ({@link VingIds}) or number written out, or null. */
    public Uni<R> find(String id) {
        Optional<Long> number = VingIds.tryParse(id)
                .or(() -> id != null && id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty());
        return number.map(this::find).orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The record of this string id or number written out; an {@link Ouch} 404 naming the kind when there is none. */
    public Uni<R> findOrDie(String id) {
        return orDie(find(id));
    }

    /** The record of this id, or null. */
    public Uni<R> find(Long id) {
        return findOne(eq(model.id(), id));
    }

    /** The record of this id; an {@link Ouch} 404 naming the kind when there is none. */
    public Uni<R> findOrDie(Long id) {
        return orDie(find(id));
    }

    private Uni<R> orDie(Uni<R> found) {
        return found.map(record -> {
            if (record == null) {
                throw notFound();
            }
            return record;
        });
    }

    /** The first record the where clause matches, or null. */
    public Uni<R> findOne(Condition where) {
        return findMany(where, FindOptions.limit(1)).map(records -> records.isEmpty() ? null : records.get(0));
    }

    public Uni<List<R>> findMany(Condition where) {
        return findMany(where, FindOptions.NONE);
    }

    public Uni<List<R>> findMany(Condition where, FindOptions options) {
        return query(where, options).execute().map(rows -> rows.stream().map(this::record).toList());
    }

    /** Every record the where clause matches, streamed as they are asked for: ving's async iterator. */
    public Multi<R> findAll(Condition where) {
        return findAll(where, FindOptions.NONE);
    }

    public Multi<R> findAll(Condition where, FindOptions options) {
        return query(where, options).iterator().map(this::record);
    }

    /** Deletes the records the where clause matches, within the kind's scope; the number deleted. */
    public Uni<Long> deleteMany(Condition where) {
        return db.delete(table()).where(calcWhere(where)).execute().map(result -> result.affectedRows());
    }

    // --- lists as ving's REST API has them -------------------------------------------------------------------

    /**
     * ving's {@code describeList}: one page of the records the where clause matches (within the kind's scope), each
     * described with the params' {@code objectParams}, and the {@code paging} block.
     */
    public Uni<Map<String, Object>> describeList(ListParams params, Condition where) {
        return ListDescription.of(this, params, where);
    }

    /** {@link #describeList(ListParams, Condition)} with ving's params map ({@code ?page=2&itemsPerPage=20}). */
    public Uni<Map<String, Object>> describeList(Map<String, ?> params, Condition where) {
        return Uni.createFrom().item(() -> ListParams.from(params)).chain(list -> describeList(list, where));
    }

    /** ving's {@code describeListFilter}: the columns a list may be searched on, narrowed to, and ranged over. */
    public ListFilter describeListFilter() {
        List<Column<?>> queryable = new ArrayList<>();
        List<Column<?>> qualifiers = new ArrayList<>();
        List<Column<?>> ranged = new ArrayList<>();
        for (RecordProp prop : model.columnProps()) {
            if (prop.isFilterQuery()) {
                queryable.add(prop.column());
            }
            if (prop.isFilterQualifier()) {
                qualifiers.add(prop.column());
            }
            if (prop.isFilterRange()) {
                ranged.add(prop.column());
            }
        }
        return new ListFilter(List.copyOf(queryable), List.copyOf(qualifiers), List.copyOf(ranged));
    }

    /** What {@link #describeListFilter()} gives: ving's {@code {queryable, qualifiers, ranged}}. */
    public record ListFilter(List<Column<?>> queryable, List<Column<?>> qualifiers, List<Column<?>> ranged) {
    }

    // --- for records -----------------------------------------------------------------------------------------

    Ouch notFound() {
        return new Ouch(Ouch.NOT_FOUND, kind() + " not found.", "id");
    }

    /** The kind at the other end of a relation: the application's bean when CDI runs, else a new one on this db. */
    Kind<?> related(RecordProp prop) {
        return Kinds.directory().<Kind<?>> flatMap(kinds -> kinds.of(prop.relatedKind()))
                .orElseGet(() -> prop.newRelatedKind().apply(db));
    }

    private SelectQuery query(Condition where, FindOptions options) {
        SelectQuery query = select().where(calcWhere(where));
        if (!options.orderBy().isEmpty()) {
            query = query.orderBy(options.orderBy().toArray(OrderTerm[]::new));
        }
        if (options.limit() != null) {
            query = query.limit(options.limit());
        }
        if (options.offset() != null) {
            query = query.offset(options.offset());
        }
        return query;
    }

    private R record(Row row) {
        R record = newRecord();
        record.readRow(row);
        return record;
    }

    /** An empty record of this kind, bound to it. */
    private R newRecord() {
        R record = newRecord.get();
        record.bind(this);
        return record;
    }
}
