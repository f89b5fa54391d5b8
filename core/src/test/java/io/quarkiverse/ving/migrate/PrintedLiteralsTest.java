package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** MariaDB's printed literals read back, as its information_schema shows them under any sql_mode. */
class PrintedLiteralsTest {

    @Test
    void aDefaultAsMariaDbPrintsIt() {
        // what information_schema.columns.column_default shows for the value a\b'c, NUL, newline, return, tab, d
        assertEquals(Optional.of("a\\b'c\0\n\r\td"), PrintedLiterals.value("'a\\\\b''c\\0\\n\\r\td'"));
        assertEquals(Optional.of(""), PrintedLiterals.value("''"));
    }

    @Test
    void everyEscapeMySqlKnows() {
        assertEquals(Optional.of("\b\t\u001A\"'x"), PrintedLiterals.value("'\\b\\t\\Z\\\"\\'\\x'"));
        // the two LIKE wildcards keep their backslash
        assertEquals(Optional.of("\\%\\_"), PrintedLiterals.value("'\\%\\_'"));
    }

    @Test
    void whatIsNotExactlyOneLiteralIsNotRead() {
        assertEquals(Optional.empty(), PrintedLiterals.value("current_timestamp()"));
        assertEquals(Optional.empty(), PrintedLiterals.value("'a'b'"));
        assertEquals(Optional.empty(), PrintedLiterals.value("'unclosed\\'"));
        assertEquals(Optional.empty(), PrintedLiterals.value("X'41'"));
    }

    @Test
    void enumMembers() {
        assertEquals(Optional.of(List.of("a", "it's", "tab\there", "x,y")),
                PrintedLiterals.enumMembers("enum('a','it''s','tab\there','x,y')"));
        assertEquals(Optional.of(List.of("a\\b")), PrintedLiterals.enumMembers("enum('a\\\\b')"));
    }

    @Test
    void otherTypesHaveNoMembers() {
        assertEquals(Optional.empty(), PrintedLiterals.enumMembers("varchar(60)"));
        assertEquals(Optional.empty(), PrintedLiterals.enumMembers("enum('a' 'b')"));
        assertEquals(Optional.empty(), PrintedLiterals.enumMembers("enum('a',)"));
        assertEquals(Optional.empty(), PrintedLiterals.enumMembers("enum()"));
    }
}
