package io.quarkiverse.ving.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.quarkiverse.ving.table.Expression;
import io.quarkiverse.ving.table.Table;

/**
 * What ving's {@code #ving/drizzle/orm.mjs} exports, for {@code import static io.quarkiverse.ving.sql.Orm.*;}: the
 * operators, aggregates, orders and the {@code sql} template, and the query builders themselves.
 *
 * <pre>
 * select().from(UserTable.TABLE).where(eq(UserTable.email, "joe@example.com"))
 * </pre>
 */
public final class Orm {

    private Orm() {
    }

    // --- queries ------------------------------------------------------------------------------------------

    /** {@code select} of every column of the tables selected from. */
    public static SelectQuery select() {
        return SelectQuery.of(List.of(), null);
    }

    /** {@code select} of these values: columns, aggregates, templates, named with {@link #as}. */
    public static SelectQuery select(Expression<?>... fields) {
        return SelectQuery.of(List.of(fields), null);
    }

    public static InsertQuery insert(Table table) {
        return InsertQuery.into(table, null);
    }

    public static UpdateQuery update(Table table) {
        return UpdateQuery.of(table, null);
    }

    public static DeleteQuery delete(Table table) {
        return DeleteQuery.from(table, null);
    }

    // --- comparisons ---------------------------------------------------------------------------------------
    //
    // Each comparison is typed as jOOQ's are: a value of the expression's own type, or another expression of it. A
    // whole-number literal compares with any number column (eq(UserTable.id, 5), where id is a Long), as in SQL,
    // through the int and long forms, which Java prefers for primitives before it tries boxing; a fraction compares
    // only with a column of its type. A null value means is null / is not null for eq and ne; a null literal needs
    // its type, (String) null, or isNull(…).

    /** {@code left = right}: a value of the expression's type, bound as a parameter. */
    public static <T> Condition eq(Expression<T> left, T right) {
        return new Condition.Comparison(left, ComparisonOperator.EQ, right);
    }

    /** {@code left = right}: another expression of the same type. */
    public static <T> Condition eq(Expression<T> left, Expression<? extends T> right) {
        return new Condition.Comparison(left, ComparisonOperator.EQ, right);
    }

    public static Condition eq(Expression<? extends Number> left, int right) {
        return new Condition.Comparison(left, ComparisonOperator.EQ, right);
    }

    public static Condition eq(Expression<? extends Number> left, long right) {
        return new Condition.Comparison(left, ComparisonOperator.EQ, right);
    }

    /** {@code left <> right}: a value of the expression's type, bound as a parameter. */
    public static <T> Condition ne(Expression<T> left, T right) {
        return new Condition.Comparison(left, ComparisonOperator.NE, right);
    }

    /** {@code left <> right}: another expression of the same type. */
    public static <T> Condition ne(Expression<T> left, Expression<? extends T> right) {
        return new Condition.Comparison(left, ComparisonOperator.NE, right);
    }

    public static Condition ne(Expression<? extends Number> left, int right) {
        return new Condition.Comparison(left, ComparisonOperator.NE, right);
    }

    public static Condition ne(Expression<? extends Number> left, long right) {
        return new Condition.Comparison(left, ComparisonOperator.NE, right);
    }

    /** {@code left > right}: a value of the expression's type, bound as a parameter. */
    public static <T> Condition gt(Expression<T> left, T right) {
        return new Condition.Comparison(left, ComparisonOperator.GT, right);
    }

    /** {@code left > right}: another expression of the same type. */
    public static <T> Condition gt(Expression<T> left, Expression<? extends T> right) {
        return new Condition.Comparison(left, ComparisonOperator.GT, right);
    }

    public static Condition gt(Expression<? extends Number> left, int right) {
        return new Condition.Comparison(left, ComparisonOperator.GT, right);
    }

    public static Condition gt(Expression<? extends Number> left, long right) {
        return new Condition.Comparison(left, ComparisonOperator.GT, right);
    }

    /** {@code left >= right}: a value of the expression's type, bound as a parameter. */
    public static <T> Condition gte(Expression<T> left, T right) {
        return new Condition.Comparison(left, ComparisonOperator.GTE, right);
    }

    /** {@code left >= right}: another expression of the same type. */
    public static <T> Condition gte(Expression<T> left, Expression<? extends T> right) {
        return new Condition.Comparison(left, ComparisonOperator.GTE, right);
    }

    public static Condition gte(Expression<? extends Number> left, int right) {
        return new Condition.Comparison(left, ComparisonOperator.GTE, right);
    }

    public static Condition gte(Expression<? extends Number> left, long right) {
        return new Condition.Comparison(left, ComparisonOperator.GTE, right);
    }

    /** {@code left < right}: a value of the expression's type, bound as a parameter. */
    public static <T> Condition lt(Expression<T> left, T right) {
        return new Condition.Comparison(left, ComparisonOperator.LT, right);
    }

    /** {@code left < right}: another expression of the same type. */
    public static <T> Condition lt(Expression<T> left, Expression<? extends T> right) {
        return new Condition.Comparison(left, ComparisonOperator.LT, right);
    }

    public static Condition lt(Expression<? extends Number> left, int right) {
        return new Condition.Comparison(left, ComparisonOperator.LT, right);
    }

    public static Condition lt(Expression<? extends Number> left, long right) {
        return new Condition.Comparison(left, ComparisonOperator.LT, right);
    }

    /** {@code left <= right}: a value of the expression's type, bound as a parameter. */
    public static <T> Condition lte(Expression<T> left, T right) {
        return new Condition.Comparison(left, ComparisonOperator.LTE, right);
    }

    /** {@code left <= right}: another expression of the same type. */
    public static <T> Condition lte(Expression<T> left, Expression<? extends T> right) {
        return new Condition.Comparison(left, ComparisonOperator.LTE, right);
    }

    public static Condition lte(Expression<? extends Number> left, int right) {
        return new Condition.Comparison(left, ComparisonOperator.LTE, right);
    }

    public static Condition lte(Expression<? extends Number> left, long right) {
        return new Condition.Comparison(left, ComparisonOperator.LTE, right);
    }

    public static Condition like(Expression<String> left, String pattern) {
        return new Condition.Comparison(left, ComparisonOperator.LIKE, pattern);
    }

    public static Condition notLike(Expression<String> left, String pattern) {
        return new Condition.Comparison(left, ComparisonOperator.NOT_LIKE, pattern);
    }

    /**
     * {@code expression in (…)}; an empty collection matches nothing. The values are not typed against the expression
     * (as jOOQ's {@code in(Collection<?>)}): Java cannot say "numbers" for a list without refusing {@code List.of(1, 2)}
     * against a Long column.
     */
    public static <T> Condition inArray(Expression<T> expression, Iterable<?> values) {
        return new Condition.In(expression, list(values), false);
    }

    /** {@code expression not in (…)}; an empty collection matches everything. */
    public static <T> Condition notInArray(Expression<T> expression, Iterable<?> values) {
        return new Condition.In(expression, list(values), true);
    }

    public static Condition isNull(Expression<?> expression) {
        return new Condition.IsNull(expression, false);
    }

    public static Condition isNotNull(Expression<?> expression) {
        return new Condition.IsNull(expression, true);
    }

    /** {@code expression between low and high}, values of the expression's type. */
    public static <T> Condition between(Expression<T> expression, T low, T high) {
        return new Condition.Between(expression, low, high);
    }

    public static Condition between(Expression<? extends Number> expression, int low, int high) {
        return new Condition.Between(expression, low, high);
    }

    public static Condition between(Expression<? extends Number> expression, long low, long high) {
        return new Condition.Between(expression, low, high);
    }

    // --- logic -------------------------------------------------------------------------------------------

    /** All of the conditions; null ones are left out, and with none left the result is null (no filter). */
    public static Condition and(Condition... conditions) {
        return junction(LogicalOperator.AND, conditions);
    }

    /** Any of the conditions; null ones are left out, and with none left the result is null (no filter). */
    public static Condition or(Condition... conditions) {
        return junction(LogicalOperator.OR, conditions);
    }

    public static Condition not(Condition condition) {
        return new Condition.Not(Objects.requireNonNull(condition, "not(null)"));
    }

    public static Condition exists(SelectQuery subquery) {
        return new Condition.Exists(subquery);
    }

    private static Condition junction(LogicalOperator operator, Condition[] conditions) {
        List<Condition> present = Arrays.stream(conditions).filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.size() == 1 ? present.get(0) : new Condition.Junction(operator, present);
    }

    // --- aggregates and orders ------------------------------------------------------------------------------

    /** {@code count(*)}. */
    public static Aggregate<Long> count() {
        return new Aggregate<>(AggregateFunction.COUNT, null, Long.class);
    }

    /** {@code count(expression)}: the rows where it is not null. */
    public static Aggregate<Long> count(Expression<?> expression) {
        return new Aggregate<>(AggregateFunction.COUNT, expression, Long.class);
    }

    /** {@code sum(expression)}, exact: MySQL sums integers as decimals. */
    public static Aggregate<BigDecimal> sum(Expression<? extends Number> expression) {
        return new Aggregate<>(AggregateFunction.SUM, expression, BigDecimal.class);
    }

    public static Aggregate<BigDecimal> avg(Expression<? extends Number> expression) {
        return new Aggregate<>(AggregateFunction.AVG, expression, BigDecimal.class);
    }

    public static <T> Aggregate<T> min(Expression<T> expression) {
        return new Aggregate<>(AggregateFunction.MIN, expression, expression.javaType());
    }

    public static <T> Aggregate<T> max(Expression<T> expression) {
        return new Aggregate<>(AggregateFunction.MAX, expression, expression.javaType());
    }

    public static Order asc(Expression<?> expression) {
        return new Order(expression, false);
    }

    public static Order desc(Expression<?> expression) {
        return new Order(expression, true);
    }

    /** A selected value under a name: Drizzle's {@code select({ count: count() })} is {@code select(as("count", count()))}. */
    public static <T> Aliased<T> as(String alias, Expression<T> expression) {
        return new Aliased<>(alias, expression);
    }

    // --- SQL by hand -------------------------------------------------------------------------------------------

    /**
     * Drizzle's {@code sql} template: {@code sql("count({}) > {}", UserTable.id, 5)}. Expressions among the arguments
     * are embedded as SQL; other values are bound parameters.
     */
    public static Sql<Object> sql(String template, Object... arguments) {
        return Sql.of(template, arguments);
    }

    /** Trusted SQL text, pasted as it is: never build it from input. */
    public static Sql<Object> raw(String trustedSql) {
        return new Sql<>(List.of(trustedSql), List.of(), Object.class);
    }

    /** A template used as a condition: {@code where(condition(sql("{} > now()", c)))}. */
    public static Condition condition(Sql<?> sql) {
        return new Condition.Template(sql);
    }

    private static List<?> list(Iterable<?> values) {
        List<Object> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }
}
