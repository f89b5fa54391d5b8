package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which statements of a down file would destroy data the database holds, and how many rows each would cost, read from
 * the statement's text and counted on the live database: a dropped table that has rows, a dropped column with values,
 * a column made narrower than values it holds (shorter text, a smaller integer, fewer enum members), or changed to
 * another type while it holds values. Statements it cannot read are not counted.
 */
final class LossyStatements {

    private static final int NO_SUCH_TABLE = 1146;
    private static final int NO_SUCH_COLUMN = 1054;

    /** {@code ALTER TABLE `t` MODIFY COLUMN `c` <type> …}, as ving and drizzle-kit write it. */
    private static final Pattern MODIFY = Pattern.compile("(?is)\\s*ALTER\\s+TABLE\\s+`((?:[^`]|``)+)`\\s+MODIFY\\s+COLUMN\\s+"
            + "`((?:[^`]|``)+)`\\s+((?:enum|set)\\s*\\((?:'(?:[^']|'')*'\\s*,?\\s*)*\\)|[a-z]+(?:\\s*\\([0-9, ]+\\))?(?:\\s+unsigned)?)"
            + ".*");
    private static final Pattern LENGTH = Pattern.compile("(?i)(var)?char\\((\\d+)\\)");
    private static final Pattern ENUM_MEMBER = Pattern.compile("'((?:[^']|'')*)'");

    /** Each integer type's range, signed and unsigned. */
    private static final Map<String, long[]> INTEGER_RANGES = Map.of(
            "tinyint", new long[] { -128, 127, 255 },
            "smallint", new long[] { -32768, 32767, 65535 },
            "mediumint", new long[] { -8388608, 8388607, 16777215 },
            "int", new long[] { Integer.MIN_VALUE, Integer.MAX_VALUE, 4294967295L },
            "integer", new long[] { Integer.MIN_VALUE, Integer.MAX_VALUE, 4294967295L },
            "boolean", new long[] { -128, 127, 255 });

    /**
     * A statement that would destroy data, with the rows at stake.
     *
     * @param rows how many rows would lose a value (all of a dropped table's rows)
     */
    record Loss(String statement, String what, long rows) {
    }

    private LossyStatements() {
    }

    /** The losses of these statements, as the database is now; a table or column that does not exist yet costs nothing. */
    static List<Loss> of(Connection connection, List<String> statements) throws SQLException {
        List<Loss> losses = new ArrayList<>();
        for (String statement : statements) {
            Optional<Loss> loss = of(connection, statement.strip());
            loss.filter(found -> found.rows() > 0).ifPresent(losses::add);
        }
        return losses;
    }

    private static Optional<Loss> of(Connection connection, String statement) throws SQLException {
        Matcher modify = MODIFY.matcher(statement);
        if (modify.matches()) {
            return narrowing(connection, statement, unquote(modify.group(1)), unquote(modify.group(2)), modify.group(3));
        }
        Optional<List<DdlEffect>> effects = DdlEffectParser.effects(statement);
        if (effects.isEmpty()) {
            return Optional.empty();
        }
        for (DdlEffect effect : effects.get()) {
            if (effect instanceof DdlEffect.Table table && !table.present() && table.schema() == null) {
                return count(connection, statement, "the table `" + table.table() + "` and its rows",
                        "select count(*) from " + identifier(table.table()));
            }
            if (effect instanceof DdlEffect.Column column && !column.present() && column.schema() == null) {
                return count(connection, statement, "the values of `" + column.table() + "`.`" + column.column() + "`",
                        "select count(*) from " + identifier(column.table()) + " where " + identifier(column.column()) + " is not null");
            }
        }
        return Optional.empty();
    }

    /** A column changed to {@code type}: the rows whose value the new type cannot hold. */
    private static Optional<Loss> narrowing(Connection connection, String statement, String table, String column, String type)
            throws SQLException {
        Optional<String> live = liveType(connection, table, column);
        if (live.isEmpty() || normalised(live.get()).equals(normalised(type))) {
            return Optional.empty();
        }
        String target = normalised(type);
        String name = identifier(column);
        String where;
        String what;
        Matcher length = LENGTH.matcher(target);
        String base = target.replace(" unsigned", "").replaceAll("\\(.*", "");
        if (length.matches()) {
            where = "char_length(" + name + ") > " + length.group(2);
            what = "values of `" + table + "`.`" + column + "` longer than " + length.group(2) + " characters";
        } else if (INTEGER_RANGES.containsKey(base) && isNumeric(live.get())) {
            long[] range = INTEGER_RANGES.get(base);
            boolean unsigned = target.contains("unsigned");
            long min = unsigned ? 0 : range[0];
            long max = unsigned ? range[2] : range[1];
            where = name + " < " + min + " or " + name + " > " + max;
            what = "values of `" + table + "`.`" + column + "` outside " + type + "'s range";
        } else if (target.startsWith("enum(")) {
            List<String> members = new ArrayList<>();
            Matcher member = ENUM_MEMBER.matcher(type);
            while (member.find()) {
                members.add("'" + member.group(1) + "'");
            }
            where = name + " is not null and " + name + " not in (" + String.join(", ", members) + ")";
            what = "values of `" + table + "`.`" + column + "` that are not members of " + type;
        } else {
            where = name + " is not null";
            what = "values of `" + table + "`.`" + column + "`, changed from " + live.get() + " to " + type;
        }
        return count(connection, statement, what, "select count(*) from " + identifier(table) + " where " + where);
    }

    private static boolean isNumeric(String liveType) {
        String base = normalised(liveType).replace(" unsigned", "").replaceAll("\\(.*", "");
        return INTEGER_RANGES.containsKey(base) || base.equals("bigint") || base.equals("decimal") || base.equals("double")
                || base.equals("float");
    }

    /** A type as information_schema shows it and as a migration writes it, alike: no integer display width, lower case. */
    private static String normalised(String type) {
        String lower = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (lower.equals("boolean") || lower.equals("bool")) {
            return "tinyint(1)";
        }
        if (lower.startsWith("tinyint(1)")) {
            return lower;
        }
        return lower.replaceAll("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)", "$1");
    }

    private static Optional<String> liveType(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select column_type from information_schema.columns"
                + " where table_schema = database() and table_name = ? and column_name = ?")) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<Loss> count(Connection connection, String statement, String what, String query) throws SQLException {
        try (Statement select = connection.createStatement(); ResultSet result = select.executeQuery(query)) {
            result.next();
            return Optional.of(new Loss(statement, what, result.getLong(1)));
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE || e.getErrorCode() == NO_SUCH_COLUMN) {
                return Optional.empty(); // made by an earlier step of the same run: counted before that step runs
            }
            throw e;
        }
    }

    private static String unquote(String name) {
        return name.replace("``", "`");
    }

    private static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
