package io.quarkiverse.ving.migrate;

import java.util.List;
import java.util.Map;

/**
 * What a migration will do: its statements, each typed by the change it makes, and a short name for each change of the
 * schemas (which names the migration).
 *
 * @param changes the statements, in order, as typed changes
 * @param names one word-like name per change of the schemas ({@code add_users_bio}, {@code create_tags}); a created
 *        table is one name for its CREATE TABLE, foreign keys and indexes
 * @param renamedTables the tables renamed, old name to new
 * @param renamedColumns the columns renamed, {@code table.old} to {@code table.new}
 */
public record MigrationPlan(List<SchemaChange> changes, List<String> names, Map<String, String> renamedTables,
        Map<String, String> renamedColumns) {

    /** The longest name a migration gets by default, so file names stay readable. */
    private static final int NAME_LIMIT = 60;

    /** The SQL statements, in order, as the migration file holds them. */
    public List<String> statements() {
        return changes.stream().map(SchemaChange::sql).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * A deterministic, descriptive name: the first change, and how many more there are
     * ({@code create_apikeys_and_3_more}, {@code add_users_bio}).
     */
    public String defaultName() {
        if (names.isEmpty()) {
            return "no_change";
        }
        String first = names.get(0);
        if (first.length() > NAME_LIMIT) {
            first = first.substring(0, NAME_LIMIT);
        }
        return names.size() == 1 ? first : first + "_and_" + (names.size() - 1) + "_more";
    }
}
