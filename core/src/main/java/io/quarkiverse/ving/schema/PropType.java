package io.quarkiverse.ving.schema;

import java.util.Optional;

/** The kinds of value a prop holds, as ving names them. */
public enum PropType {
    STRING("string"),
    INT("int"),
    BOOLEAN("boolean"),
    ENUM("enum"),
    DATE("date"),
    ID("id"),
    JSON("json"),
    /** No column: the far side of a child relation. */
    VIRTUAL("virtual");

    /** values() copies the array at each call, and every check of every prop asks. */
    private static final PropType[] ALL = values();

    private final String vingName;

    PropType(String vingName) {
        this.vingName = vingName;
    }

    /** The name as written in a schema file. */
    public String vingName() {
        return vingName;
    }

    public static Optional<PropType> of(String vingName) {
        for (PropType type : ALL) {
            if (type.vingName.equals(vingName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return vingName;
    }
}
