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
    private List<String> enums = List.of();
    private List<String> view = List.of();
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
        copy.view = view;
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

    /** The values an enum may take. */
    public RecordProp enums(String... values) {
        RecordProp copy = copy();
        copy.enums = List.of(values);
        return copy;
    }

    /** The roles that may see the prop ({@code public}, {@code owner} or a role); none: private. */
    public RecordProp viewedBy(String... roles) {
        RecordProp copy = copy();
        copy.view = List.of(roles);
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

    /** The values an enum may take; empty when any. */
    public List<String> allowedValues() {
        return enums;
    }

    /** The roles that may see the prop. */
    public List<String> view() {
        return view;
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
