package io.quarkiverse.ving.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The props of one schema by name, and its relations by relation name: each of {@link SchemaValidator}'s look-ups
 * is one step, so a schema of n props is checked in time proportional to n, not n².
 */
final class PropNames {

    private final Map<String, Prop> firstByName = new HashMap<>();
    private final Map<String, Relation> firstRelationByName = new HashMap<>();

    PropNames(Schema schema) {
        if (schema.props() == null) {
            return;
        }
        for (Prop prop : schema.props()) {
            if (prop == null) {
                continue;
            }
            firstByName.putIfAbsent(prop.name(), prop);
            prop.relation().ifPresent(relation -> firstRelationByName.putIfAbsent(relation.name(), relation));
        }
    }

    /** The first prop of this name, as ving's {@code props.find(…)} finds it. */
    Optional<Prop> first(String name) {
        return Optional.ofNullable(firstByName.get(name));
    }

    /** Whether a prop has this name (a name is a String; any other value names no prop). */
    boolean contains(Object name) {
        return (name == null || name instanceof String) && firstByName.containsKey(name);
    }

    /** The first relation of this name, in prop order. */
    Optional<Relation> relation(String name) {
        return Optional.ofNullable(firstRelationByName.get(name));
    }
}
