package io.quarkiverse.ving.sql;

import static io.quarkiverse.ving.table.SqlLiterals.identifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Expression;
import io.quarkiverse.ving.table.Table;

/**
 * Renders queries as MySQL: identifiers always back-quoted, every value a bound {@code ?} parameter, keywords in
 * lower case as Drizzle writes them. One instance renders one query.
 */
public final class MySqlRenderer {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private MySqlRenderer() {
    }

    public static RenderedQuery render(SelectQuery query) {
        MySqlRenderer renderer = new MySqlRenderer();
        renderer.select(query);
        return renderer.result();
    }

    public static RenderedQuery render(InsertQuery query) {
        MySqlRenderer renderer = new MySqlRenderer();
        renderer.insert(query);
        return renderer.result();
    }

    public static RenderedQuery render(UpdateQuery query) {
        MySqlRenderer renderer = new MySqlRenderer();
        renderer.update(query);
        return renderer.result();
    }

    public static RenderedQuery render(DeleteQuery query) {
        MySqlRenderer renderer = new MySqlRenderer();
        renderer.delete(query);
        return renderer.result();
    }

    private RenderedQuery result() {
        // null is a value like any other: an unmodifiable copy that keeps it, unlike List.copyOf
        return new RenderedQuery(sql.toString(), Collections.unmodifiableList(new ArrayList<>(params)));
    }

    // --- statements --------------------------------------------------------------------------------------------

    private void select(SelectQuery query) {
        if (query.from() == null) {
            throw new IllegalStateException("A select needs a table: select().from(UserTable.TABLE)");
        }
        sql.append("select ");
        List<Expression<?>> fields = selected(query);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            selected(fields.get(i));
        }
        sql.append(" from ").append(identifier(query.from().name()));
        for (Join join : query.joins()) {
            sql.append(' ').append(join.type().sql()).append(' ').append(identifier(join.table().name())).append(" on ");
            condition(join.on());
        }
        if (query.where() != null) {
            sql.append(" where ");
            condition(query.where());
        }
        if (!query.groupBy().isEmpty()) {
            sql.append(" group by ");
            list(query.groupBy());
        }
        if (query.having() != null) {
            sql.append(" having ");
            condition(query.having());
        }
        if (!query.orderBy().isEmpty()) {
            sql.append(" order by ");
            for (int i = 0; i < query.orderBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                Order order = query.orderBy().get(i);
                expression(order.expression());
                sql.append(order.descending() ? " desc" : " asc");
            }
        }
        query.limit().ifPresent(limit -> {
            sql.append(" limit ?");
            params.add(limit);
        });
        query.offset().ifPresent(offset -> {
            sql.append(" offset ?");
            params.add(offset);
        });
    }

    /** The values a select returns, in order: its fields, or every column of its tables. */
    static List<Expression<?>> selected(SelectQuery query) {
        return query.fields().isEmpty() ? allColumns(query) : query.fields();
    }

    /** {@code select()} means every column of the tables, named one by one so the result's shape is known. */
    private static List<Expression<?>> allColumns(SelectQuery query) {
        List<Expression<?>> columns = new ArrayList<>(query.from().columns());
        query.joins().forEach(join -> columns.addAll(join.table().columns()));
        return columns;
    }

    private void insert(InsertQuery query) {
        if (query.rows().isEmpty()) {
            throw new IllegalStateException("An insert needs rows: insert(T).values(Map.of(T.c, value))");
        }
        Table table = query.table();
        // the columns any row names, and those with a schema default (no SQL default to fall to under strict SQL), in
        // the table's order; a row without one of them gets the column's default, or its schema default
        Set<Column<?>> named = new LinkedHashSet<>();
        query.rows().forEach(row -> named.addAll(row.keySet()));
        List<Column<?>> columns = table.columns().stream()
                .filter(column -> named.contains(column) || column.schemaDefault().isPresent()).toList();
        named.stream().filter(column -> !columns.contains(column)).findFirst().ifPresent(column -> {
            throw new IllegalArgumentException("Column " + column + " is not a column of " + table.name());
        });
        sql.append("insert into ").append(identifier(table.name())).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(identifier(columns.get(i).name()));
        }
        sql.append(") values ");
        for (int r = 0; r < query.rows().size(); r++) {
            Map<Column<?>, Object> row = query.rows().get(r);
            sql.append(r > 0 ? ", (" : "(");
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                Column<?> column = columns.get(i);
                if (row.containsKey(column)) {
                    operand(row.get(column));
                } else if (column.schemaDefault().isPresent()) {
                    operand(column.schemaDefault().get());
                } else {
                    sql.append("default");
                }
            }
            sql.append(')');
        }
        if (!query.onDuplicateKeyUpdate().isEmpty()) {
            sql.append(" on duplicate key update ");
            assignments(query.onDuplicateKeyUpdate());
        }
    }

    private void update(UpdateQuery query) {
        if (query.set().isEmpty()) {
            throw new IllegalStateException("An update needs values: update(T).set(Map.of(T.c, value))");
        }
        sql.append("update ").append(identifier(query.table().name())).append(" set ");
        assignments(query.set());
        if (query.where() != null) {
            sql.append(" where ");
            condition(query.where());
        }
    }

    private void delete(DeleteQuery query) {
        sql.append("delete from ").append(identifier(query.table().name()));
        if (query.where() != null) {
            sql.append(" where ");
            condition(query.where());
        }
    }

    private void assignments(Map<Column<?>, Object> values) {
        boolean first = true;
        for (Map.Entry<Column<?>, Object> entry : values.entrySet()) {
            sql.append(first ? "" : ", ").append(identifier(entry.getKey().name())).append(" = ");
            operand(entry.getValue());
            first = false;
        }
    }

    // --- conditions ----------------------------------------------------------------------------------------------

    private void condition(Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            comparison(comparison);
        } else if (condition instanceof Condition.In in) {
            in(in);
        } else if (condition instanceof Condition.IsNull isNull) {
            expression(isNull.expression());
            sql.append(isNull.negated() ? " is not null" : " is null");
        } else if (condition instanceof Condition.Between between) {
            expression(between.expression());
            sql.append(" between ");
            operand(between.low());
            sql.append(" and ");
            operand(between.high());
        } else if (condition instanceof Condition.Junction junction) {
            sql.append('(');
            for (int i = 0; i < junction.conditions().size(); i++) {
                if (i > 0) {
                    sql.append(' ').append(junction.operator().sql()).append(' ');
                }
                condition(junction.conditions().get(i));
            }
            sql.append(')');
        } else if (condition instanceof Condition.Not not) {
            sql.append("not (");
            condition(not.condition());
            sql.append(')');
        } else if (condition instanceof Condition.Exists exists) {
            sql.append("exists (");
            select(exists.subquery());
            sql.append(')');
        } else {
            template(((Condition.Template) condition).sql());
        }
    }

    /** A comparison with null is SQL's {@code is [not] null}, which is what {@code eq(c, null)} means. */
    private void comparison(Condition.Comparison comparison) {
        expression(comparison.left());
        if (comparison.right() == null
                && (comparison.operator() == ComparisonOperator.EQ || comparison.operator() == ComparisonOperator.NE)) {
            sql.append(comparison.operator() == ComparisonOperator.EQ ? " is null" : " is not null");
            return;
        }
        sql.append(' ').append(comparison.operator().sql()).append(' ');
        operand(comparison.right());
    }

    /** {@code in ()} is a syntax error in MySQL: an empty list matches nothing (not in: everything). */
    private void in(Condition.In in) {
        if (in.values().isEmpty()) {
            sql.append(in.negated() ? "true" : "false");
            return;
        }
        expression(in.expression());
        sql.append(in.negated() ? " not in (" : " in (");
        for (int i = 0; i < in.values().size(); i++) {
            sql.append(i > 0 ? ", ?" : "?");
            params.add(in.values().get(i));
        }
        sql.append(')');
    }

    // --- values ---------------------------------------------------------------------------------------------------

    /** A value: an expression is rendered, anything else is a bound parameter. */
    private void operand(Object value) {
        if (value instanceof Expression<?> expression) {
            expression(expression);
        } else if (value instanceof SelectQuery subquery) {
            sql.append('(');
            select(subquery);
            sql.append(')');
        } else {
            sql.append('?');
            params.add(value);
        }
    }

    /** An expression in a select list: a named one gets its alias. */
    private void selected(Expression<?> expression) {
        if (expression instanceof Aliased<?> aliased) {
            expression(aliased.expression());
            sql.append(" as ").append(identifier(aliased.alias()));
        } else {
            expression(expression);
        }
    }

    private void expression(Expression<?> expression) {
        if (expression instanceof Column<?> column) {
            sql.append(identifier(column.table())).append('.').append(identifier(column.name()));
        } else if (expression instanceof Aliased<?> aliased) {
            sql.append(identifier(aliased.alias()));
        } else if (expression instanceof Aggregate<?> aggregate) {
            sql.append(aggregate.function().sql()).append('(');
            if (aggregate.argument() == null) {
                sql.append('*');
            } else {
                expression(aggregate.argument());
            }
            sql.append(')');
        } else if (expression instanceof Sql<?> template) {
            template(template);
        } else {
            throw new IllegalArgumentException("Cannot render " + expression.getClass().getName());
        }
    }

    private void template(Sql<?> template) {
        List<String> parts = template.parts();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(parts.get(i));
            if (i < template.arguments().size()) {
                Object argument = template.arguments().get(i);
                if (argument instanceof Condition condition) {
                    condition(condition);
                } else {
                    operand(argument);
                }
            }
        }
    }

    private void list(List<Expression<?>> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            expression(expressions.get(i));
        }
    }
}
