package io.quarkiverse.ving.schema;

/**
 * A prop's {@code default}: how a new record gets its value.
 */
public sealed interface PropDefault {

    /** The schema has no {@code default} key at all. */
    record Absent() implements PropDefault {
    }

    /** {@code default: undefined}, written out (ving asks for it on ids and virtual props). */
    record Undefined() implements PropDefault {
    }

    /** A literal: a String, a Long or Double, a Boolean, or null. */
    record Literal(Object value) implements PropDefault {
    }

    /** {@code () => new Date()}: the current time when the record is minted. */
    record Now(String source) implements PropDefault {
    }

    /** A function calling a uuid generator ({@code uuid()}, {@code v4()}, {@code crypto.randomUUID()}): a new UUID. */
    record NewUuid(String source) implements PropDefault {
    }

    /**
     * Any other function, e.g. {@code () => 'pk_' + crypto.randomBytes(18).toString('hex')}. Its value
     * is asked of the application at run time; the source text identifies it.
     */
    record Computed(String source) implements PropDefault {
    }

    PropDefault ABSENT = new Absent();
    PropDefault UNDEFINED = new Undefined();

    /** Whether the default is a function of any sort (ving calls these at mint time). */
    default boolean isFunction() {
        return this instanceof Now || this instanceof NewUuid || this instanceof Computed;
    }
}
