package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every migration of a folder against what a database has applied, and what the database has that the folder lacks.
 *
 * @param migrations the folder's migrations in journal order, each with its state
 * @param unknown ledger rows that match no migration of the folder
 */
public record MigrationStatus(List<Item> migrations, List<Unknown> unknown) {

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
        WHEN_CHANGED
    }

    /**
     * @param migration the migration
     * @param state its state
     * @param statementsDone for a partial migration, how many statements are done
     * @param error for a partial migration, the error that stopped it, if one did
     * @param behindNewest a pending migration older than the newest applied one, which drizzle-kit would skip forever
     * @param appliedWhen for a migration whose when has changed, the when the ledger recorded it under
     */
    public record Item(MigrationFile migration, State state, int statementsDone, Optional<String> error, boolean behindNewest,
            Optional<Long> appliedWhen) {
    }

    /** A ledger row no migration of the folder matches. */
    public record Unknown(long id, String hash, Long createdAt) {
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
            }
        }
        for (Unknown row : unknown) {
            problems.add("the ledger's row " + row.id() + " (created_at " + row.createdAt()
                    + ") records a migration the folder lacks");
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
                || item.state() == State.WHEN_CHANGED)
                .reduce((first, second) -> second);
    }
}
