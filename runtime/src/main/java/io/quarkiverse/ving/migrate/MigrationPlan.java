package io.quarkiverse.ving.migrate;

import java.util.List;
import java.util.Map;

/**
 * What a migration will do: its statements, and a short description of each change (which names the migration).
 *
 * @param statements the SQL statements, in order
 * @param changes one word-like description per change ({@code add_users_bio}, {@code create_tags})
 * @param renamedTables the tables renamed, old name to new
 * @param renamedColumns the columns renamed, {@code table.old} to {@code table.new}
 */
public record MigrationPlan(List<String> statements, List<String> changes, Map<String, String> renamedTables,
        Map<String, String> renamedColumns) {

    /** The longest name a migration gets by default, so file names stay readable. */
    private static final int NAME_LIMIT = 60;

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * A deterministic, descriptive name: the first change, and how many more there are
     * ({@code create_apikeys_and_3_more}, {@code add_users_bio}).
     */
    public String defaultName() {
        if (changes.isEmpty()) {
            return "no_change";
        }
        String first = changes.get(0);
        if (first.length() > NAME_LIMIT) {
            first = first.substring(0, NAME_LIMIT);
        }
        return changes.size() == 1 ? first : first + "_and_" + (changes.size() - 1) + "_more";
    }
}
