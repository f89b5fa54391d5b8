package io.quarkiverse.ving.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.js.SourcePosition;

/**
 * One entry of a schema's {@code props}: a field of the record and, unless virtual, a column.
 *
 * <p>
 * Attributes keep what the file says, including what ving would reject, so that {@link SchemaValidator}
 * can report it in ving's words. A missing attribute is null (or an empty Optional / list, as typed);
 * {@link #present(String)} tells a missing one from an empty one.
 *
 * @param name the prop's name, which is also its column's name
 * @param type the type as written; {@link #propType()} gives the known ones
 * @param required whether a value is required (null when not a boolean or absent)
 * @param defaultValue the default; {@link PropDefault.Absent} when not written
 * @param db the column helper function ({@code (prop) => dbVarChar(prop)})
 * @param zod the validation function
 * @param length the maximum length of a string prop
 * @param enums allowed values of enum and boolean props (Strings or Booleans as written)
 * @param enumLabels labels for {@code enums}
 * @param relation parent, child or sibling relation
 * @param unique whether the value is unique (optionally within {@code uniqueQualifiers})
 * @param uniqueQualifiers other props the uniqueness is scoped by
 * @param view roles that may see the prop
 * @param edit roles that may change the prop
 * @param flags the boolean switches: filterQuery, filterQualifier, filterRange, autoUpdate, allowRealPubicId, noSetAll
 * @param renamedFrom the prop's previous name, declaring a column rename for migrations
 * @param extra every other attribute, as plain Java values ({@code options: 'handlerOptions'} …)
 * @param present the attribute names written in the file
 * @param positions where each attribute (and, under key "", the prop itself) starts in the file
 */
public record Prop(
        String name,
        String type,
        Boolean required,
        PropDefault defaultValue,
        Optional<FunctionSource> db,
        Optional<FunctionSource> zod,
        Integer length,
        List<Object> enums,
        List<String> enumLabels,
        Optional<Relation> relation,
        Boolean unique,
        List<String> uniqueQualifiers,
        List<String> view,
        List<String> edit,
        Map<String, Boolean> flags,
        Optional<String> renamedFrom,
        Map<String, Object> extra,
        List<String> present,
        Map<String, SourcePosition> positions) {

    public Optional<PropType> propType() {
        return PropType.of(type);
    }

    public boolean is(PropType propType) {
        return propType.vingName().equals(type);
    }

    public boolean isVirtual() {
        return is(PropType.VIRTUAL);
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public boolean isUnique() {
        return Boolean.TRUE.equals(unique);
    }

    /** A boolean switch such as {@code autoUpdate}; false when absent. */
    public boolean flag(String flagName) {
        return Boolean.TRUE.equals(flags.get(flagName));
    }

    /** Whether the attribute was written in the file. */
    public boolean present(String attribute) {
        return present.contains(attribute);
    }

    /** The helper the db function calls ({@code dbVarChar}), if it calls one. */
    public Optional<String> dbHelper() {
        return db.flatMap(FunctionSource::calleeName);
    }

    /** Where the attribute starts in the file, else where the prop starts; null when not read from a file. */
    public SourcePosition positionOf(String attribute) {
        SourcePosition position = positions.get(attribute);
        return position != null ? position : positions.get("");
    }
}
