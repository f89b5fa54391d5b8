package io.quarkiverse.ving.table;

/**
 * What a query orders by: an {@link Expression} (ascending), or {@code asc(…)} / {@code desc(…)} of one. It lives with
 * {@link Expression} because every expression is one, and the table model must not depend on the DSL.
 */
public interface OrderTerm {

    /** The value ordered by. */
    Expression<?> sortKey();

    /** Whether the largest values come first. */
    boolean descending();
}
