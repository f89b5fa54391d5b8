package io.quarkiverse.ving.sql;

import java.util.List;

import io.quarkiverse.ving.table.Expression;

/**
 * SQL written by hand, as Drizzle's {@code sql} template: text with {@code {}} placeholders, each filled by an
 * argument. A column or other expression is embedded as SQL (quoted identifiers); any other value travels as a bound
 * parameter, never as text. {@link Orm#raw} is the form for trusted text with no arguments at all.
 *
 * @param <T> the Java type the value reads as, {@code Object} until {@link #as(Class)} says otherwise
 * @param parts the text between the placeholders; one more than the arguments
 * @param arguments the placeholders' values
 */
public record Sql<T>(List<String> parts, List<Object> arguments, Class<T> javaType) implements Expression<T> {

    static Sql<Object> of(String template, Object... arguments) {
        List<String> parts = List.of(template.split("\\{}", -1));
        if (parts.size() != arguments.length + 1) {
            throw new IllegalArgumentException("The SQL template has " + (parts.size() - 1) + " placeholders {} but "
                    + arguments.length + " arguments: " + template);
        }
        return new Sql<>(parts, java.util.Arrays.asList(arguments), Object.class);
    }

    /** The same SQL, read as this Java type. */
    public <R> Sql<R> as(Class<R> type) {
        return new Sql<>(parts, arguments, type);
    }
}
