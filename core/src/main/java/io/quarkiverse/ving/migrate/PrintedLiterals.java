package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * String literals as MariaDB prints them in information_schema (a column's default, the members in an enum's
 * column type) and SHOW CREATE TABLE: in single quotes, {@code '} doubled, and {@code \}, NUL, newline and carriage
 * return as backslash escapes, whatever sql_mode says. Read with all of MySQL's escapes, so that a literal written in
 * that style by hand reads as MySQL would read it.
 */
final class PrintedLiterals {

    private PrintedLiterals() {
    }

    /** The value of text that is exactly one printed literal ({@code 'C:\\temp'} is {@code C:\temp}). */
    static Optional<String> value(String printed) {
        StringBuilder value = new StringBuilder();
        return read(printed, 0, value) == printed.length() ? Optional.of(value.toString()) : Optional.empty();
    }

    /** The members of an enum's column type ({@code enum('a','it''s')}); empty when it is not one. */
    static Optional<List<String>> enumMembers(String columnType) {
        if (!columnType.startsWith("enum(") || !columnType.endsWith(")")) {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>();
        int end = columnType.length() - 1;
        int i = "enum(".length();
        while (true) {
            StringBuilder member = new StringBuilder();
            i = read(columnType, i, member);
            if (i < 0) {
                return Optional.empty();
            }
            members.add(member.toString());
            if (i == end) {
                return Optional.of(members);
            }
            if (columnType.charAt(i) != ',') {
                return Optional.empty();
            }
            i++;
        }
    }

    /** Reads the literal that starts at {@code start} into {@code value}; the index after it, or -1 when there is none. */
    private static int read(String text, int start, StringBuilder value) {
        if (start >= text.length() || text.charAt(start) != '\'') {
            return -1;
        }
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(escaped(text.charAt(i + 1)));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                value.append(c);
                i++;
            }
        }
        return -1;
    }

    /** What MySQL reads for a backslash and this character. */
    private static String escaped(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'b' -> "\b";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'Z' -> "\u001A";
            // kept with their backslash, so that LIKE patterns can escape them
            case '%', '_' -> "\\" + c;
            default -> String.valueOf(c);
        };
    }
}
