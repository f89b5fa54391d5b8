package io.quarkiverse.ving.table;

import java.util.List;
import java.util.Optional;

/**
 * What MySQL and MariaDB refuse in a table's definition, so that a schema is refused when it is validated rather than
 * halfway through {@code --up}: names, the number of columns and the size of a row.
 *
 * <p>
 * Row sizes are counted for the character set ving's tables are meant for, utf8mb4 (MySQL 8's default), at 4 bytes a
 * character: exact there, and an overcount for any narrower set (latin1, utf8mb3). Two limits apply, both checked when
 * the table is created:
 * <ul>
 * <li>the server's 65,535 bytes for all columns together, each at its full length, TEXT, MEDIUMTEXT and JSON at the
 * 10, 11 and 12 bytes of their pointers, plus a bit per nullable column (the same count in MySQL and MariaDB);</li>
 * <li>InnoDB's record within half a page: less than 8,126 bytes with 16 KB pages and ROW_FORMAT=DYNAMIC, the defaults
 * of MySQL 8 and MariaDB 10.2 on. Here MySQL and MariaDB count a column that may be stored off the page differently:
 * MariaDB a column longer than 255 bytes (or TEXT, JSON) as 21 bytes and a shorter one at its full length, MySQL any
 * column longer than 40 bytes as 41. Each column is counted at the larger of the two, so that a table passes only where
 * both servers take it.</li>
 * </ul>
 * A server with smaller pages ({@code innodb_page_size} of 4 or 8 KB) or an older row format refuses smaller rows; that
 * depends on the server, not the schema, and is not checked. Both counts were checked byte for byte against MariaDB
 * 10.11 (see docs/schemas.md); MySQL's is from its source ({@code dict_index_too_big_for_tree}).
 */
public final class TableLimits {

    /** The longest name of a table, column, index or constraint, in characters. */
    public static final int MAX_NAME_LENGTH = 64;
    /** InnoDB's limit on a table's columns (MySQL's own, 4,096, is never reached first). */
    public static final int MAX_COLUMNS = 1_017;
    /** The server's limit on a row, all columns at their full length. */
    public static final int MAX_ROW_BYTES = 65_535;
    /** InnoDB's limit on the part of a row kept in its page (16 KB pages, ROW_FORMAT=DYNAMIC). */
    public static final int MAX_INNODB_RECORD_BYTES = 8_125;

    /** utf8mb4's widest character. */
    private static final int BYTES_PER_CHAR = 4;
    /** A record's header (5 bytes) and the transaction id (6) and undo pointer (7) InnoDB keeps in every record. */
    private static final int INNODB_RECORD_OVERHEAD = 18;
    /** The row id InnoDB adds to a table without a primary key. */
    private static final int INNODB_ROW_ID = 6;
    /** What MySQL counts for a column that may leave the page: 40 bytes kept in the page and a length byte. */
    private static final int OFF_PAGE_COLUMN = 41;
    /** The longest column MariaDB keeps in the page whatever its length. */
    private static final int MAX_IN_PAGE_BYTES = 255;

    private TableLimits() {
    }

    /**
     * Why MySQL would refuse this as the name of a table, column, index or constraint, or empty when it would not.
     *
     * @param what what the name names, for the message ({@code "a column name"})
     */
    public static Optional<String> nameProblem(String name, String what) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            return Optional.of("is " + length + " characters long; MySQL allows at most " + MAX_NAME_LENGTH + " in "
                    + what);
        }
        if (name.endsWith(" ")) {
            return Optional.of("ends with a space, which MySQL does not allow in " + what);
        }
        if (name.indexOf('\0') >= 0 || length != name.length()) { // fewer code points than chars: surrogate pairs
            return Optional.of("holds U+0000 or a character beyond U+FFFF, which MySQL does not allow in " + what);
        }
        return Optional.empty();
    }

    /**
     * The bytes a row of these columns takes as the server counts them against {@link #MAX_ROW_BYTES}, and as InnoDB
     * counts its record against {@link #MAX_INNODB_RECORD_BYTES}.
     */
    public static RowSize rowSize(List<Column<?>> columns) {
        int nullable = 0;
        long server = 0;
        long record = INNODB_RECORD_OVERHEAD;
        boolean primaryKey = false;
        for (Column<?> column : columns) {
            ColumnSize size = ColumnSize.of(column.type());
            server += size.serverBytes();
            record += size.recordBytes();
            nullable += column.isNotNull() ? 0 : 1;
            primaryKey |= column.isPrimaryKey();
        }
        int nullBitmap = (nullable + 7) / 8;
        record += nullBitmap + (primaryKey ? 0 : INNODB_ROW_ID);
        return new RowSize(server + nullBitmap, record);
    }

    /**
     * A row's bytes by both counts.
     *
     * @param serverBytes against the server's {@link #MAX_ROW_BYTES}
     * @param innodbRecordBytes against InnoDB's {@link #MAX_INNODB_RECORD_BYTES}
     */
    public record RowSize(long serverBytes, long innodbRecordBytes) {
    }

    /** One column's bytes by both counts. */
    private record ColumnSize(long serverBytes, long recordBytes) {

        static ColumnSize of(ColumnType type) {
            String sql = type.sql();
            if (sql.startsWith("varchar(")) {
                long bytes = (long) lengthOf(sql) * BYTES_PER_CHAR;
                return variable(bytes, bytes + (bytes > MAX_IN_PAGE_BYTES ? 2 : 1));
            }
            if (sql.startsWith("char(")) {
                // fixed for the server; InnoDB keeps a multi-byte character set's CHAR as variable-length
                long bytes = (long) lengthOf(sql) * BYTES_PER_CHAR;
                return variable(bytes, bytes);
            }
            if (sql.startsWith("enum(")) {
                return fixed(enumValueCount(sql) <= 255 ? 1 : 2);
            }
            return switch (sql) {
                case "bigint unsigned" -> fixed(8);
                case "int", "timestamp" -> fixed(4);
                case "datetime" -> fixed(5);
                case "boolean" -> fixed(1);
                case "text" -> new ColumnSize(10, OFF_PAGE_COLUMN);
                case "mediumtext" -> new ColumnSize(11, OFF_PAGE_COLUMN);
                case "json" -> new ColumnSize(12, OFF_PAGE_COLUMN);
                default -> throw new IllegalArgumentException("No row size known for the column type " + sql);
            };
        }

        private static ColumnSize fixed(long bytes) {
            return new ColumnSize(bytes, bytes);
        }

        /** A column of up to {@code bytes} bytes, which the server counts as {@code serverBytes}. */
        private static ColumnSize variable(long bytes, long serverBytes) {
            long inPage = bytes > MAX_IN_PAGE_BYTES ? OFF_PAGE_COLUMN : bytes + 1;
            return new ColumnSize(serverBytes, inPage);
        }

        private static int lengthOf(String sql) {
            return Integer.parseInt(sql.substring(sql.indexOf('(') + 1, sql.length() - 1));
        }

        /** The values of {@code enum('a','it''s')}: commas outside quotes, plus one. */
        private static int enumValueCount(String sql) {
            int values = 1;
            boolean quoted = false;
            for (int i = sql.indexOf('(') + 1; i < sql.length() - 1; i++) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    quoted = !quoted; // a doubled quote turns it off and on again
                } else if (c == ',' && !quoted) {
                    values++;
                }
            }
            return values;
        }
    }
}
