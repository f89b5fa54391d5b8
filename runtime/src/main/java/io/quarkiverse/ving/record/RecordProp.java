package io.quarkiverse.ving.record;

import java.util.List;
import java.util.function.Function;

import io.quarkiverse.ving.schema.PropDefault;
import io.quarkiverse.ving.schema.PropType;
import io.quarkiverse.ving.schema.Relation;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.Column;

/**
 * What a record needs to know of one prop of its schema: its column, the rules a value must follow, its default and
 * its relation. Generated kinds build them from the schema:
 * {@code RecordProp.column("email", PropType.STRING, UserTable.email).required().length(256)}. Immutable.
 */
public final class RecordProp {

    private final String name;
    private final PropType type;
    private final Column<?> column;
    private boolean required;
    private Integer length;
    private List<Object> enums = List.of();
    private List<String> enumLabels = List.of();
    private List<String> view = List.of();
    private List<String> edit = List.of();
    /** view and edit together, kept: read for every prop of every record described. */
    private List<String> viewOrEdit = List.of();
    private boolean unique;
    private List<String> uniqueQualifiers = List.of();
    private boolean filterQuery;
    private boolean filterQualifier;
    private boolean filterRange;
    private PropDefault defaultValue;
    private boolean autoUpdate;
    private boolean noSetAll;
    private Relation relation;
    private Class<? extends Kind<?>> relatedKind;
    private Function<VingDb, ? extends Kind<?>> newRelatedKind;

    private RecordProp(String name, PropType type, Column<?> column, PropDefault defaultValue) {
        this.name = name;
        this.type = type;
        this.column = column;
        this.defaultValue = defaultValue;
    }

    private RecordProp copy() {
        RecordProp copy = new RecordProp(name, type, column, defaultValue);
        copy.required = required;
        copy.length = length;
        copy.enums = enums;
        copy.enumLabels = enumLabels;
        copy.view = view;
        copy.edit = edit;
        copy.viewOrEdit = viewOrEdit;
        copy.unique = unique;
        copy.uniqueQualifiers = uniqueQualifiers;
        copy.filterQuery = filterQuery;
        copy.filterQualifier = filterQualifier;
        copy.filterRange = filterRange;
        copy.autoUpdate = autoUpdate;
        copy.noSetAll = noSetAll;
        copy.relation = relation;
        copy.relatedKind = relatedKind;
        copy.newRelatedKind = newRelatedKind;
        return copy;
    }

    /** A prop with a column and no rules yet. */
    public static RecordProp column(String name, PropType type, Column<?> column) {
        return new RecordProp(name, type, column, PropDefault.ABSENT);
    }

    /** A virtual prop: no column; give it its child relation. */
    public static RecordProp virtual(String name) {
        return new RecordProp(name, PropType.VIRTUAL, null, PropDefault.UNDEFINED);
    }

    public RecordProp required() {
        RecordProp copy = copy();
        copy.required = true;
        return copy;
    }

    /** The most characters a string may have. */
    public RecordProp length(int maximum) {
        RecordProp copy = copy();
        copy.length = maximum;
        return copy;
    }

    /** The values an enum may take, or a boolean's two values in the order its options list them. */
    public RecordProp enums(Object... values) {
        RecordProp copy = copy();
        copy.enums = List.of(values);
        return copy;
    }

    /** The labels of the {@link #enums} values, in their order: what {@code propOptions} shows. */
    public RecordProp enumLabels(String... labels) {
        RecordProp copy = copy();
        copy.enumLabels = List.of(labels);
        return copy;
    }

    /** The roles that may see the prop ({@code public}, {@code owner} or a role); none: private. */
    public RecordProp viewedBy(String... roles) {
        RecordProp copy = copy();
        copy.view = List.of(roles);
        copy.viewOrEdit = concat(copy.view, copy.edit);
        return copy;
    }

    /** The roles that may change the prop ({@code owner} or a role); they may also see it. */
    public RecordProp editedBy(String... roles) {
        RecordProp copy = copy();
        copy.edit = List.of(roles);
        copy.viewOrEdit = concat(copy.view, copy.edit);
        return copy;
    }

    /** No two records have the same value, among those with the same values of the qualifying props. */
    public RecordProp unique(String... qualifiers) {
        RecordProp copy = copy();
        copy.unique = true;
        copy.uniqueQualifiers = List.of(qualifiers);
        return copy;
    }

    /** ving's {@code filterQuery}: a list may be searched on the prop. */
    public RecordProp filterQuery() {
        RecordProp copy = copy();
        copy.filterQuery = true;
        return copy;
    }

    /** ving's {@code filterQualifier}: a list may be narrowed to a value of the prop. */
    public RecordProp filterQualifier() {
        RecordProp copy = copy();
        copy.filterQualifier = true;
        return copy;
    }

    /** ving's {@code filterRange}: a list may be narrowed to a range of the prop. */
    public RecordProp filterRange() {
        RecordProp copy = copy();
        copy.filterRange = true;
        return copy;
    }

    public RecordProp defaultTo(PropDefault value) {
        RecordProp copy = copy();
        copy.defaultValue = value;
        return copy;
    }

    /** Set to now whenever the record is updated. */
    public RecordProp autoUpdate() {
        RecordProp copy = copy();
        copy.autoUpdate = true;
        return copy;
    }

    /** Left alone by {@code setAll}. */
    public RecordProp noSetAll() {
        RecordProp copy = copy();
        copy.noSetAll = true;
        return copy;
    }

    /** The relation through this prop, and how to reach the kind at its other end. */
    public <K extends Kind<?>> RecordProp relation(Relation through, Class<K> kindClass, Function<VingDb, K> newKind) {
        RecordProp copy = copy();
        copy.relation = through;
        copy.relatedKind = kindClass;
        copy.newRelatedKind = newKind;
        return copy;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    public String name() {
        return name;
    }

    public PropType type() {
        return type;
    }

    /** The prop's column; null for a virtual prop. */
    public Column<?> column() {
        return column;
    }

    public boolean isVirtual() {
        return column == null;
    }

    public boolean isRequired() {
        return required;
    }

    /** The most characters a string may have; null when the schema sets none. */
    public Integer maxLength() {
        return length;
    }

    /** The values an enum prop may take; empty when any, and for other props. */
    public List<String> allowedValues() {
        return type == PropType.ENUM ? enums.stream().map(String::valueOf).toList() : List.of();
    }

    /** The values of an enum or boolean prop, as the schema lists them. */
    public List<Object> enums() {
        return enums;
    }

    /** The labels of {@link #enums()}, as the schema lists them; may be fewer. */
    public List<String> enumLabels() {
        return enumLabels;
    }

    /** The roles that may see the prop. */
    public List<String> view() {
        return view;
    }

    /** The roles that may change the prop. */
    public List<String> edit() {
        return edit;
    }

    /** The roles that may see the prop, those that may change it included: what describe and propOptions read. */
    List<String> viewOrEdit() {
        return viewOrEdit;
    }

    public boolean isUnique() {
        return unique;
    }

    /** The props whose values scope a unique prop's uniqueness. */
    public List<String> uniqueQualifiers() {
        return uniqueQualifiers;
    }

    public boolean isFilterQuery() {
        return filterQuery;
    }

    public boolean isFilterQualifier() {
        return filterQualifier;
    }

    public boolean isFilterRange() {
        return filterRange;
    }

    /** Anyone may see the prop: its view names {@code public}. */
    public boolean isPublic() {
        return view.contains("public");
    }

    public PropDefault defaultValue() {
        return defaultValue;
    }

    public boolean isAutoUpdate() {
        return autoUpdate;
    }

    public boolean isNoSetAll() {
        return noSetAll;
    }

    /** The relation through this prop, or null. */
    public Relation relation() {
        return relation;
    }

    Class<? extends Kind<?>> relatedKind() {
        return relatedKind;
    }

    Function<VingDb, ? extends Kind<?>> newRelatedKind() {
        return newRelatedKind;
    }
}
