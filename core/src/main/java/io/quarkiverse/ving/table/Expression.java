package io.quarkiverse.ving.table;

/**
 * A typed SQL value: a column, an aggregate, a template. The root of the query DSL's values; it lives with the
 * table model because a {@link Column} is the most common one, and the model must not depend on the DSL.
 *
 * @param <T> the Java type of the value
 */
public interface Expression<T> extends OrderTerm {

    /** The Java type the value reads as. */
    Class<T> javaType();

    /** As an order by itself, the expression orders ascending. */
    @Override
    default Expression<?> sortKey() {
        return this;
    }

    @Override
    default boolean descending() {
        return false;
    }
}
