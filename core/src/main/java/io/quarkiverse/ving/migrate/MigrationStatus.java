package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every migration of a folder against what a database has applied, and what the database has that the folder lacks.
 *
 * @param migrations the folder's migrations in journal order, each with its state
 * @param unknown ledger rows that record no migration of the folder
 */
public record MigrationStatus(List<Item> migrations, List<LedgerRow> unknown) {

    public enum State {
        APPLIED,
        PENDING,
        /** Some statements ran, then a statement failed or the run was interrupted. */
        PARTIAL,
        /** Applied, but the file has changed since: its hash no longer matches the ledger's. */
        MODIFIED,
        /**
         * Applied, but its journal {@code when} has changed since: the ledger holds its hash under another when that no
         * migration of the folder has. drizzle-kit's migrator would run it again.
         */
        WHEN_CHANGED,
        /**
         * Applied, and {@code --down} was reverting it: some statements of its down file ran, then one failed or the run
         * was cut off. {@code --down} resumes it; {@code --up} refuses to run meanwhile.
         */
        REVERTING,
        /**
         * Applied, but its folder (drizzle-kit 1.0's layout) was renamed since: the ledger holds its hash under another
         * name that no migration of the folder has. drizzle-orm 1.0's migrator would run it again.
         */
        NAME_CHANGED
    }

    /**
     * @param migration the migration
     * @param state its state
     * @param statementsDone for a partial migration, how many statements are done (of its down file, when reverting)
     * @param error for a partial or reverting migration, the error that stopped it, if one did
     * @param behindNewest a pending migration older than the newest applied one, which drizzle-kit 0.x would skip forever
     * @param row the ledger row that records it: for an applied or modified migration, its row; for one whose when or
     *        name changed, the row that records it under the old one
     */
    public record Item(MigrationFile migration, State state, int statementsDone, Optional<String> error, boolean behindNewest,
            Optional<LedgerRow> row) {

        /** For a migration whose when changed, the when the ledger recorded it under. */
        public Optional<Long> appliedWhen() {
            return state == State.WHEN_CHANGED ? row.map(LedgerRow::createdAt) : Optional.empty();
        }

        /** For a migration whose folder was renamed, the name the ledger recorded it under. */
        public Optional<String> appliedName() {
            return state == State.NAME_CHANGED ? row.map(LedgerRow::name) : Optional.empty();
        }
    }

    /**
     * A row of {@code __drizzle_migrations}.
     *
     * @param createdAt the migration's time as recorded; null in rows written by hand
     * @param name the migration's name, recorded by drizzle-orm 1.0 and by ving in a ledger that has the column; null
     *        in 0.x's ledger
     */
    public record LedgerRow(long id, String hash, Long createdAt, String name) {
    }

    /**
     * What keeps the database from matching the folder, a sentence per migration (pending, partly applied, changed
     * since it was applied) and per ledger row the folder lacks; empty when everything is applied as it is.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Item item : migrations) {
            String tag = item.migration().tag();
            switch (item.state()) {
                case APPLIED -> {
                }
                case PENDING -> problems.add(tag + " is pending" + (item.behindNewest() ? " (older than the newest applied one)" : ""));
                case PARTIAL -> problems.add(tag + " is partly applied (" + item.statementsDone() + " of "
                        + item.migration().statements().size() + " statements done" + item.error().map(error -> ": " + error)
                                .orElse("")
                        + ")");
                case MODIFIED -> problems.add(tag + " was applied, and its file has changed since");
                case WHEN_CHANGED -> problems.add(tag + " was applied under the journal when " + item.appliedWhen().orElseThrow()
                        + ", and its journal entry now says " + item.migration().when());
                case REVERTING -> problems.add(tag + " is partly reverted (" + item.statementsDone() + " statements of its down"
                        + " file done" + item.error().map(error -> ": " + error).orElse("") + ")");
                case NAME_CHANGED -> problems.add(tag + " was applied under the name " + item.appliedName().orElseThrow()
                        + ", and its folder was renamed since");
            }
        }
        for (LedgerRow row : unknown) {
            problems.add("the ledger's row " + row.id() + " (" + (row.name() != null ? row.name() + ", " : "") + "created_at "
                    + row.createdAt() + ") records a migration the folder lacks");
        }
        return problems;
    }

    public List<Item> inState(State state) {
        return migrations.stream().filter(item -> item.state() == state).toList();
    }

    /** Whether anything is pending, partial, modified or unknown. */
    public boolean needsAttention() {
        return !unknown.isEmpty() || migrations.stream().anyMatch(item -> item.state() != State.APPLIED);
    }

    /** The newest migration of the folder, whatever its state. */
    public Optional<Item> lastAvailable() {
        return migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
    }

    public Optional<Item> lastApplied() {
        return migrations.stream().filter(item -> item.state() == State.APPLIED || item.state() == State.MODIFIED
                || item.state() == State.WHEN_CHANGED || item.state() == State.NAME_CHANGED || item.state() == State.REVERTING)
                .reduce((first, second) -> second);
    }
}
