package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.SqlLiterals;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * The tables a database really has, read from information_schema and written the way drizzle-kit's snapshots write
 * them, so the two can be compared: MariaDB's {@code bigint(20) unsigned}, {@code tinyint(1)},
 * {@code current_timestamp()}, json as {@code longtext} with a {@code json_valid} check, and upper-case foreign key
 * rules become drizzle-kit's {@code bigint unsigned}, {@code boolean}, {@code (now())}, {@code json} and
 * {@code cascade}; string defaults and enum members, which MariaDB prints backslash-escaped, are quoted drizzle-kit's
 * way. Bookkeeping tables (names starting with {@code __}) are left out.
 */
final class LiveSchema {

    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Tables one default-evaluating query joins: MariaDB joins at most 61, and the query has one of its own. */
    static final int TABLES_PER_JOIN = 60;

    private LiveSchema() {
    }

    static List<Table> read(Connection connection) throws SQLException {
        Set<String> jsonColumns = jsonColumns(connection);
        List<ColumnRow> rows = new ArrayList<>();
        try (ResultSet result = query(connection, "select table_name, column_name, column_type, is_nullable, column_default, extra "
                + "from information_schema.columns where table_schema = database() and table_name not like '\\_\\_%' "
                + "order by table_name, ordinal_position")) {
            while (result.next()) {
                String table = result.getString(1);
                String name = result.getString(2);
                rows.add(new ColumnRow(table, name, type(result.getString(3), jsonColumns.contains(table + "." + name)),
                        "NO".equals(result.getString(4)), result.getString(5), result.getString(6).toLowerCase(Locale.ROOT)));
            }
        }
        Map<String, String> evaluated = evaluatedTextDefaults(connection, rows);
        Map<String, List<Column<?>>> columns = new LinkedHashMap<>();
        for (ColumnRow row : rows) {
            Optional<ColumnDefault> defaultValue = defaultValue(row, evaluated.get(row.table() + "." + row.name()));
            columns.computeIfAbsent(row.table(), key -> new ArrayList<>()).add(new Column<>(row.table(), row.name(),
                    new ColumnType(row.type()), Object.class, row.notNull(), row.extra().contains("auto_increment"), false,
                    defaultValue, row.extra().contains("on update current_timestamp")));
        }
        List<IndexColumnRow> indexRows = indexColumns(connection);
        markPrimaryKeys(indexRows, columns);
        Map<String, List<UniqueKey>> uniqueKeys = uniqueKeys(indexRows);
        Map<String, List<ForeignKey>> foreignKeys = foreignKeys(connection);
        Map<String, List<Index>> indexes = indexes(indexRows, foreignKeys);
        List<Table> tables = new ArrayList<>();
        columns.forEach((table, tableColumns) -> tables.add(new Table(table, null, List.copyOf(tableColumns),
                uniqueKeys.getOrDefault(table, List.of()), foreignKeys.getOrDefault(table, List.of()),
                indexes.getOrDefault(table, List.of()))));
        return tables;
    }

    /** A row of information_schema.columns, the type already in drizzle-kit's spelling. */
    private record ColumnRow(String table, String name, String type, boolean notNull, String columnDefault, String extra) {

        /** A json or text column's default, which MariaDB keeps as an expression. */
        boolean hasTextDefault() {
            return (type.equals("json") || type.equals("text")) && columnDefault != null && !columnDefault.equals("NULL");
        }
    }

    /** drizzle-kit's spelling of a column type. */
    private static String type(String columnType, boolean json) {
        if (json) {
            return "json";
        }
        // MariaDB spells types in lower case; enum values keep their case, and come back in drizzle-kit's quoting
        String type = columnType;
        if (type.equals("tinyint(1)")) {
            return "boolean";
        }
        Optional<List<String>> members = PrintedLiterals.enumMembers(type);
        if (members.isPresent()) {
            return ColumnType.enumOf(members.get()).sql();
        }
        return INTEGER_WIDTH.matcher(type).replaceFirst("$1");
    }

    /**
     * The values of the json and text columns' defaults, keyed {@code table.column}, evaluated by the server:
     * information_schema prints such an expression with each byte of a character beyond the BMP as {@code ?}, and a
     * hex literal as hex. {@code DEFAULT(c)} of the row an outer join makes up gives the value for an expression
     * (NULL for a plain literal, which is then read from its printed form), so an empty table answers too. One query
     * asks for the columns of up to {@link #TABLES_PER_JOIN} tables, each table joined under its own alias.
     */
    private static Map<String, String> evaluatedTextDefaults(Connection connection, List<ColumnRow> rows) throws SQLException {
        Map<String, List<ColumnRow>> byTable = new LinkedHashMap<>();
        rows.stream().filter(ColumnRow::hasTextDefault)
                .forEach(row -> byTable.computeIfAbsent(row.table(), key -> new ArrayList<>()).add(row));
        List<List<ColumnRow>> tables = List.copyOf(byTable.values());
        Map<String, String> values = new HashMap<>();
        for (int from = 0; from < tables.size(); from += TABLES_PER_JOIN) {
            List<List<ColumnRow>> batch = tables.subList(from, Math.min(from + TABLES_PER_JOIN, tables.size()));
            List<ColumnRow> asked = new ArrayList<>();
            StringBuilder select = new StringBuilder();
            StringBuilder joins = new StringBuilder();
            for (int i = 0; i < batch.size(); i++) {
                String alias = "t" + i;
                joins.append(" left join ").append(SqlLiterals.identifier(batch.get(i).get(0).table())).append(' ').append(alias)
                        .append(" on false");
                for (ColumnRow row : batch.get(i)) {
                    select.append(asked.isEmpty() ? "" : ", ").append("default(").append(alias).append('.')
                            .append(SqlLiterals.identifier(row.name())).append(')');
                    asked.add(row);
                }
            }
            try (ResultSet result = query(connection, "select " + select + " from (select 1) one" + joins)) {
                result.next();
                for (int i = 0; i < asked.size(); i++) {
                    String value = result.getString(i + 1);
                    if (value != null) {
                        values.put(asked.get(i).table() + "." + asked.get(i).name(), value);
                    }
                }
            }
        }
        return values;
    }

    /**
     * MariaDB's COLUMN_DEFAULT (a printed literal, a number, NULL, or an expression) as drizzle-kit stores it. A
     * nullable column without a default has NULL as its default in MariaDB; drizzle-kit has no default, so that
     * reads as none unless the schema says {@code DEFAULT null}: both mean the same to MySQL, and are compared alike.
     *
     * @param evaluated the value of a json or text column's default expression, when the server gave one
     */
    private static Optional<ColumnDefault> defaultValue(ColumnRow row, String evaluated) {
        String value = row.columnDefault();
        String type = row.type();
        if (value == null || (value.equals("NULL") && !row.notNull())) {
            return Optional.empty();
        }
        if (value.equalsIgnoreCase("current_timestamp()") || value.equalsIgnoreCase("current_timestamp")) {
            return Optional.of(ColumnDefault.NOW);
        }
        if (type.equals("boolean") && (value.equals("0") || value.equals("1"))) {
            return Optional.of(ColumnDefault.bool(value.equals("1")));
        }
        if (NUMBER.matcher(value).matches()) {
            return Optional.of(new ColumnDefault(value, ColumnDefault.Kind.NUMBER));
        }
        Optional<String> text = Optional.ofNullable(evaluated).or(() -> PrintedLiterals.value(value));
        if (row.hasTextDefault()) {
            return Optional.of(new ColumnDefault("(" + text.map(SqlLiterals::quote).orElse(value) + ")", ColumnDefault.Kind.SQL));
        }
        return Optional.of(text.map(ColumnDefault::string).orElse(new ColumnDefault(value, ColumnDefault.Kind.SQL)));
    }

    /** MariaDB stores json as longtext with a json_valid check on the column. */
    private static Set<String> jsonColumns(Connection connection) throws SQLException {
        Set<String> json = new HashSet<>();
        try (ResultSet rows = query(connection, "select table_name, check_clause from information_schema.check_constraints "
                + "where constraint_schema = database()")) {
            while (rows.next()) {
                String clause = rows.getString(2).replace("`", "");
                if (clause.startsWith("json_valid(") && clause.endsWith(")")) {
                    json.add(rows.getString(1) + "." + clause.substring("json_valid(".length(), clause.length() - 1));
                }
            }
        }
        return json;
    }

    /** A row of information_schema.statistics: one column of one index, in the index's column order. */
    private record IndexColumnRow(String table, String index, String column, boolean unique) {

        boolean primary() {
            return index.equals("PRIMARY");
        }

        /** Of a bookkeeping table ({@code __drizzle_migrations} and ving's own), which the schema does not hold. */
        boolean bookkeeping() {
            return table.startsWith("__");
        }
    }

    /** Every index's columns, primary keys included, read once for the keys and indexes below. */
    private static List<IndexColumnRow> indexColumns(Connection connection) throws SQLException {
        List<IndexColumnRow> rows = new ArrayList<>();
        try (ResultSet result = query(connection, "select table_name, index_name, column_name, non_unique "
                + "from information_schema.statistics where table_schema = database() "
                + "order by table_name, index_name, seq_in_index")) {
            while (result.next()) {
                rows.add(new IndexColumnRow(result.getString(1), result.getString(2), result.getString(3), result.getInt(4) == 0));
            }
        }
        return rows;
    }

    private static void markPrimaryKeys(List<IndexColumnRow> indexRows, Map<String, List<Column<?>>> columns) {
        for (IndexColumnRow row : indexRows) {
            List<Column<?>> tableColumns = columns.get(row.table());
            if (row.primary() && tableColumns != null) {
                tableColumns.replaceAll(column -> column.name().equals(row.column()) ? withPrimaryKey(column) : column);
            }
        }
    }

    private static Column<?> withPrimaryKey(Column<?> column) {
        return new Column<>(column.table(), column.name(), column.type(), Object.class, true, column.isAutoincrement(), true,
                column.defaultValue(), column.isOnUpdateNow());
    }

    /** Each table's indexes that pass the filter, as index name to its columns, in name order. */
    private static Map<String, Map<String, List<String>>> indexesWhere(List<IndexColumnRow> indexRows,
            Predicate<IndexColumnRow> filter) {
        Map<String, Map<String, List<String>>> found = new LinkedHashMap<>();
        indexRows.stream().filter(row -> !row.primary() && !row.bookkeeping()).filter(filter)
                .forEach(row -> found.computeIfAbsent(row.table(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(row.index(), key -> new ArrayList<>()).add(row.column()));
        return found;
    }

    private static Map<String, List<UniqueKey>> uniqueKeys(List<IndexColumnRow> indexRows) {
        Map<String, List<UniqueKey>> result = new LinkedHashMap<>();
        indexesWhere(indexRows, IndexColumnRow::unique).forEach((table, byName) -> byName.forEach((name, keyColumns) -> result
                .computeIfAbsent(table, key -> new ArrayList<>()).add(new UniqueKey(name, List.copyOf(keyColumns), true))));
        return result;
    }

    /** Plain indexes, but for those MySQL creates by itself for each foreign key (named after it). */
    private static Map<String, List<Index>> indexes(List<IndexColumnRow> indexRows, Map<String, List<ForeignKey>> foreignKeys) {
        Map<String, List<Index>> result = new LinkedHashMap<>();
        indexesWhere(indexRows, row -> !row.unique()).forEach((table, byName) -> byName.forEach((name, indexColumns) -> {
            boolean forForeignKey = foreignKeys.getOrDefault(table, List.of()).stream().anyMatch(key -> key.name().equals(name));
            if (!forForeignKey) {
                result.computeIfAbsent(table, key -> new ArrayList<>()).add(new Index(name, List.copyOf(indexColumns)));
            }
        }));
        return result;
    }

    private static Map<String, List<ForeignKey>> foreignKeys(Connection connection) throws SQLException {
        Map<String, List<ForeignKey>> result = new LinkedHashMap<>();
        try (ResultSet rows = query(connection, "select r.table_name, r.constraint_name, r.referenced_table_name, r.delete_rule, "
                + "r.update_rule, group_concat(k.column_name order by k.ordinal_position), "
                + "group_concat(k.referenced_column_name order by k.ordinal_position) "
                + "from information_schema.referential_constraints r join information_schema.key_column_usage k "
                + "on k.constraint_schema = r.constraint_schema and k.constraint_name = r.constraint_name and k.table_name = r.table_name "
                + "where r.constraint_schema = database() and k.table_schema = database() " // both: MariaDB scans every schema's keys otherwise
                + "group by r.table_name, r.constraint_name, r.referenced_table_name, "
                + "r.delete_rule, r.update_rule order by r.table_name, r.constraint_name")) {
            while (rows.next()) {
                String table = rows.getString(1);
                result.computeIfAbsent(table, key -> new ArrayList<>()).add(new ForeignKey(rows.getString(2), table,
                        List.of(rows.getString(6).split(",")), rows.getString(3), List.of(rows.getString(7).split(",")),
                        action(rows.getString(4)), action(rows.getString(5))));
            }
        }
        return result;
    }

    /**
     * A rule as drizzle-kit's snapshot spells it. An action left out of the statement is RESTRICT in the catalog, which
     * InnoDB treats as NO ACTION (both refuse at once); drizzle-kit 1.0 leaves NO ACTION out, so both read as no action.
     */
    private static String action(String rule) {
        String action = rule.toLowerCase(Locale.ROOT);
        return action.equals("restrict") ? ForeignKey.NO_ACTION : action;
    }

    private static ResultSet query(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
