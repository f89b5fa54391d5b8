package io.quarkiverse.ving.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.table.TableLimits.RowSize;

/** Names and row sizes as MySQL and MariaDB count them; the byte counts were each met exactly on MariaDB 10.11. */
class TableLimitsTest {

    @Test
    void namesMayHave64Characters() {
        assertEquals(Optional.empty(), TableLimits.nameProblem("a".repeat(64), "a column name"));
        assertEquals(Optional.of("is 65 characters long; MySQL allows at most 64 in a column name"),
                TableLimits.nameProblem("a".repeat(65), "a column name"));
        // characters, not bytes: 64 two-byte letters are a valid name
        assertEquals(Optional.empty(), TableLimits.nameProblem("é".repeat(64), "a table name"));
    }

    @Test
    void namesMayNotEndInASpaceNorHoldNulOrCharactersBeyondTheBasicPlane() {
        assertEquals(Optional.of("ends with a space, which MySQL does not allow in a table name"),
                TableLimits.nameProblem("widgets ", "a table name"));
        String refused = "holds U+0000 or a character beyond U+FFFF, which MySQL does not allow in a table name";
        assertEquals(Optional.of(refused), TableLimits.nameProblem("wid\0gets", "a table name"));
        assertEquals(Optional.of(refused), TableLimits.nameProblem("widgets\uD83D\uDE00s", "a table name"));
    }

    @Test
    void theServerCountsEveryColumnAtItsFullLength() {
        // 8 + 15 × (4 × 1000 + 2) + (4 × 1373 + 2) + 3 = 65,535: MariaDB creates it, and refuses one byte more
        List<Column<?>> columns = new ArrayList<>(List.of(id()));
        for (int i = 0; i < 15; i++) {
            columns.add(column("v" + i, ColumnType.varchar(1000)));
        }
        columns.add(column("w", ColumnType.varchar(1373)));
        for (int i = 0; i < 3; i++) {
            columns.add(column("b" + i, ColumnType.BOOLEAN));
        }
        assertEquals(65_535, TableLimits.rowSize(columns).serverBytes());
        columns.set(columns.size() - 1, Column.of("t", "b2", ColumnType.BOOLEAN, Object.class)); // nullable: one more byte
        assertEquals(65_536, TableLimits.rowSize(columns).serverBytes());
    }

    @Test
    void eachTypeTakesWhatTheServerCounts() {
        assertEquals(List.of(8L, 4L, 1L, 4L, 5L, 10L, 11L, 12L, 144L, 41L, 258L, 1L),
                List.of(ColumnType.BIGINT_UNSIGNED, ColumnType.INT, ColumnType.BOOLEAN, ColumnType.TIMESTAMP,
                        ColumnType.DATETIME, ColumnType.TEXT, ColumnType.MEDIUMTEXT, ColumnType.JSON,
                        ColumnType.fixedChar(36), ColumnType.varchar(10), ColumnType.varchar(64),
                        ColumnType.enumOf(List.of("a", "it's, or not")))
                        .stream().map(type -> TableLimits.rowSize(List.of(id(), column("c", type))).serverBytes() - 8)
                        .toList());
    }

    @Test
    void anEnumOfMoreThan255ValuesTakesTwoBytes() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            values.add("v" + i);
        }
        assertEquals(10, TableLimits.rowSize(List.of(id(), column("c", ColumnType.enumOf(values)))).serverBytes());
    }

    @Test
    void innoDbKeepsShortColumnsInThePageAndCountsLongOnesAsMySqlDoes() {
        // 18 bytes of record overhead + 8 for the id
        assertEquals(new RowSize(8, 26), TableLimits.rowSize(List.of(id())));
        assertEquals(26 + 41, TableLimits.rowSize(List.of(id(), column("c", ColumnType.varchar(10)))).innodbRecordBytes());
        assertEquals(26 + 253, TableLimits.rowSize(List.of(id(), column("c", ColumnType.varchar(63)))).innodbRecordBytes());
        assertEquals(26 + 145, TableLimits.rowSize(List.of(id(), column("c", ColumnType.fixedChar(36)))).innodbRecordBytes());
        // MariaDB counts these 21 bytes, MySQL 41: the larger is kept
        for (ColumnType offPage : List.of(ColumnType.varchar(64), ColumnType.TEXT, ColumnType.JSON)) {
            assertEquals(26 + 41, TableLimits.rowSize(List.of(id(), column("c", offPage))).innodbRecordBytes());
        }
    }

    @Test
    void aTableWithoutPrimaryKeyGetsInnoDbsRowId() {
        assertEquals(18 + 6 + 4, TableLimits.rowSize(List.of(column("n", ColumnType.INT))).innodbRecordBytes());
    }

    @Test
    void innoDbsLimitIsMariaDbsBoundary() {
        // 197 varchar(10) beside an id and two timestamps: MariaDB creates the table; with 198 it refuses it
        List<Column<?>> columns = new ArrayList<>(List.of(id(), column("createdAt", ColumnType.TIMESTAMP),
                column("updatedAt", ColumnType.TIMESTAMP)));
        for (int i = 0; i < 197; i++) {
            columns.add(column("s" + i, ColumnType.varchar(10)));
        }
        assertEquals(8_111, TableLimits.rowSize(columns).innodbRecordBytes());
        columns.add(column("oneTooMany", ColumnType.varchar(10)));
        assertEquals(8_152, TableLimits.rowSize(columns).innodbRecordBytes());
        assertEquals(8_125, TableLimits.MAX_INNODB_RECORD_BYTES);
    }

    private static Column<Long> id() {
        return Column.of("t", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement().primaryKey();
    }

    private static Column<Object> column(String name, ColumnType type) {
        return Column.of("t", name, type, Object.class).notNull();
    }
}
