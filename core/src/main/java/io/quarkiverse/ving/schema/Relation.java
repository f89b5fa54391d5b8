package io.quarkiverse.ving.schema;

import java.util.List;
import java.util.Map;

/**
 * {@code relation: { type: 'parent', name: 'user', kind: 'User' }} on an id or virtual prop.
 *
 * @param type {@code parent}, {@code child} or {@code sibling}, as written (the validator checks it)
 * @param name the relation's name ({@code user}): the record layer's {@code parent('user')}
 * @param kind the kind at the other end
 * @param acceptedFileExtensions for relations to S3File: the extensions the file may have (may be null)
 * @param extra any other keys, kept as plain Java values
 */
public record Relation(String type, String name, String kind, List<String> acceptedFileExtensions,
        Map<String, Object> extra) {

    public boolean isParent() {
        return "parent".equals(type);
    }

    public boolean isChild() {
        return "child".equals(type);
    }

    /** Parent and sibling relations own a column and a foreign key. */
    public boolean hasForeignKey() {
        return "parent".equals(type) || "sibling".equals(type);
    }
}
