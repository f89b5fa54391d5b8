package io.quarkiverse.ving.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Something disappeared and something appeared in its place, and no schema says whether it is a rename. drizzle-kit
 * would ask at a prompt (and, with no terminal, exit 0 having written nothing); ving refuses and says how to
 * settle it.
 */
public class AmbiguousChangeException extends RuntimeException {

    /**
     * One new table or column that may be a rename of one of the vanished ones.
     *
     * @param table the table (the new table, for a table candidate)
     * @param column the new column, or null for a table
     * @param vanished the names that disappeared, any of which it may have been
     * @param file the schema to declare the rename in
     */
    public record Candidate(String table, String column, List<String> vanished, String file) {

        static Candidate table(String table, List<String> vanished, String file) {
            return new Candidate(table, null, vanished, file);
        }

        static Candidate column(String table, String column, List<String> vanished, String file) {
            return new Candidate(table, column, vanished, file);
        }

        String describe() {
            String names = vanished.stream().collect(Collectors.joining("', '", "'", "'"));
            if (column == null) {
                return "Table " + table + " is new while " + names + (vanished.size() == 1 ? " is" : " are")
                        + " gone. If it is a rename, declare it in " + file + ": renamedFrom: " + quoteFirst()
                        + " (beside tableName: '" + table + "').";
            }
            return "Column " + table + "." + column + " is new while " + table + "." + String.join(", " + table + ".", vanished)
                    + (vanished.size() == 1 ? " is" : " are") + " gone. If it is a rename, declare it in " + file
                    + " on the prop: { name: '" + column + "', renamedFrom: " + quoteFirst() + ", … }.";
        }

        private String quoteFirst() {
            return "'" + vanished.get(0) + "'" + (vanished.size() > 1 ? " (or " + vanished.subList(1, vanished.size())
                    .stream().collect(Collectors.joining("', '", "'", "'")) + ")" : "");
        }
    }

    private final transient List<Candidate> candidates;

    public AmbiguousChangeException(List<Candidate> candidates) {
        super(message(candidates));
        this.candidates = List.copyOf(candidates);
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    private static String message(List<Candidate> candidates) {
        return "Cannot tell a rename from a drop and a create:\n"
                + candidates.stream().map(candidate -> "  " + candidate.describe()).collect(Collectors.joining("\n"))
                + "\nIf nothing was renamed, run again with --confirm-drops: what is gone is dropped, with its data.";
    }
}
