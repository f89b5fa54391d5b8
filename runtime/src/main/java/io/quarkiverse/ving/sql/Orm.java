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

    /** {@code left = right}; right is a value (bound) or another expression. */
    public static <T> Condition eq(Expression<T> left, Object right) {
        return new Condition.Comparison(left, "=", right);
    }

    public static <T> Condition ne(Expression<T> left, Object right) {
        return new Condition.Comparison(left, "<>", right);
    }

    public static <T> Condition gt(Expression<T> left, Object right) {
        return new Condition.Comparison(left, ">", right);
    }

    public static <T> Condition gte(Expression<T> left, Object right) {
        return new Condition.Comparison(left, ">=", right);
    }

    public static <T> Condition lt(Expression<T> left, Object right) {
        return new Condition.Comparison(left, "<", right);
    }

    public static <T> Condition lte(Expression<T> left, Object right) {
        return new Condition.Comparison(left, "<=", right);
    }

    public static Condition like(Expression<String> left, String pattern) {
        return new Condition.Comparison(left, "like", pattern);
    }

    public static Condition notLike(Expression<String> left, String pattern) {
        return new Condition.Comparison(left, "not like", pattern);
    }

    /** {@code expression in (…)}; an empty collection matches nothing. */
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

    public static <T> Condition between(Expression<T> expression, Object low, Object high) {
        return new Condition.Between(expression, low, high);
    }

    // --- logic -------------------------------------------------------------------------------------------

    /** All of the conditions; null ones are left out, and with none left the result is null (no filter). */
    public static Condition and(Condition... conditions) {
        return junction("and", conditions);
    }

    /** Any of the conditions; null ones are left out, and with none left the result is null (no filter). */
    public static Condition or(Condition... conditions) {
        return junction("or", conditions);
    }

    public static Condition not(Condition condition) {
        return new Condition.Not(Objects.requireNonNull(condition, "not(null)"));
    }

    public static Condition exists(SelectQuery subquery) {
        return new Condition.Exists(subquery);
    }

    private static Condition junction(String operator, Condition[] conditions) {
        List<Condition> present = Arrays.stream(conditions).filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.size() == 1 ? present.get(0) : new Condition.Junction(operator, present);
    }

    // --- aggregates and orders ------------------------------------------------------------------------------

    /** {@code count(*)}. */
    public static Aggregate<Long> count() {
        return new Aggregate<>("count", null, Long.class);
    }

    /** {@code count(expression)}: the rows where it is not null. */
    public static Aggregate<Long> count(Expression<?> expression) {
        return new Aggregate<>("count", expression, Long.class);
    }

    /** {@code sum(expression)}, exact: MySQL sums integers as decimals. */
    public static Aggregate<BigDecimal> sum(Expression<? extends Number> expression) {
        return new Aggregate<>("sum", expression, BigDecimal.class);
    }

    public static Aggregate<BigDecimal> avg(Expression<? extends Number> expression) {
        return new Aggregate<>("avg", expression, BigDecimal.class);
    }

    public static <T> Aggregate<T> min(Expression<T> expression) {
        return new Aggregate<>("min", expression, expression.javaType());
    }

    public static <T> Aggregate<T> max(Expression<T> expression) {
        return new Aggregate<>("max", expression, expression.javaType());
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
