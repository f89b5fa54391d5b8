package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.js.SourcePosition;

/**
 * A ving schema: one kind of record, its table and its props.
 *
 * @param kind the kind's name, PascalCase ({@code User}); null when the file has none
 * @param tableName the table's name ({@code users})
 * @param owner who owns a record: roles, {@code $prop} or {@code ^relation}
 * @param props the props in written order
 * @param renamedFrom the table's previous name, declaring a table rename for migrations
 * @param exports the file's other exports, as plain Java values ({@code RoleOptions}, {@code extensionMap})
 * @param file the file the schema was read from, or null
 * @param positions where each attribute (and, under key "", the schema itself) starts in the file
 */
public record Schema(
        String kind,
        String tableName,
        List<String> owner,
        List<Prop> props,
        Optional<String> renamedFrom,
        Map<String, Object> exports,
        Path file,
        Map<String, SourcePosition> positions) {

    /** The props that have a column: all but the virtual ones. */
    public List<Prop> columnProps() {
        return props.stream().filter(prop -> !prop.isVirtual()).toList();
    }

    public Optional<Prop> prop(String name) {
        return props.stream().filter(prop -> name.equals(prop.name())).findFirst();
    }

    public SourcePosition positionOf(String attribute) {
        SourcePosition position = positions.get(attribute);
        return position != null ? position : positions.get("");
    }

    /** A prop's path in ving's messages: {@code User.props.email}, {@code User.props.userId{apikeys}} for virtual props. */
    public String pathOf(Prop prop) {
        String path = kind + ".props." + prop.name();
        if (prop.isVirtual() && prop.relation().isPresent()) {
            path += "{" + prop.relation().get().name() + "}";
        }
        return path;
    }
}
