package io.quarkiverse.ving.sql;

import java.util.List;

import io.quarkiverse.ving.table.Expression;

/**
 * A where (or having, or join) clause: a value that can be passed around, combined with {@link Orm#and} and
 * {@link Orm#or}, or left out (null).
 */
public sealed interface Condition {

    /** {@code left op right}: =, <>, >, >=, <, <=, like, not like; right is a bound value or an expression. */
    record Comparison(Expression<?> left, ComparisonOperator operator, Object right) implements Condition {
    }

    /** {@code expression [not] in (values)}; an empty list is always false ({@code not in}: always true). */
    record In(Expression<?> expression, List<?> values, boolean negated) implements Condition {
    }

    /** {@code expression is [not] null}. */
    record IsNull(Expression<?> expression, boolean negated) implements Condition {
    }

    /** {@code expression between low and high}. */
    record Between(Expression<?> expression, Object low, Object high) implements Condition {
    }

    /** {@code (a and b …)} or {@code (a or b …)}. */
    record Junction(LogicalOperator operator, List<Condition> conditions) implements Condition {
    }

    /** {@code not (condition)}. */
    record Not(Condition condition) implements Condition {
    }

    /** {@code exists (subquery)}. */
    record Exists(SelectQuery subquery) implements Condition {
    }

    /** A condition written as SQL: {@code sql("{} > now()", UserTable.createdAt)}. */
    record Template(Sql<?> sql) implements Condition {
    }
}
