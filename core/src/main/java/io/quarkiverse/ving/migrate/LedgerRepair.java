package io.quarkiverse.ving.migrate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mends the ledger after a deliberate fix, as Flyway's repair does, except that no statement that took effect is ever
 * made to run again (on MySQL a DDL statement commits by itself, so forgetting a failed migration's done statements, as
 * Flyway does, would run them twice):
 * <ul>
 * <li>an applied migration whose file was edited since gets the file's hash;</li>
 * <li>an applied migration whose journal {@code when} was changed, or whose folder was renamed, is recorded under the
 * new when and name;</li>
 * <li>a migration that failed before anything of it took effect (a data migration rolled back whole) is pending again;
 * one that failed after some statements keeps them as done, with their hashes as the file has them now, and loses
 * its recorded error: the next {@code --up} resumes at the statement that failed;</li>
 * <li>a statement cut off while it ran is left to the next {@code --up}, which reads the catalog for its outcome.</li>
 * </ul>
 */
final class LedgerRepair {

    private LedgerRepair() {
    }

    /**
     * @return a sentence per change, for the log; empty when nothing needed mending
     */
    static List<String> repair(Ledger ledger, MigrationStatus status, Map<Long, Ledger.Progress> progress) throws SQLException {
        List<String> changes = new ArrayList<>();
        for (MigrationStatus.Item item : status.migrations()) {
            MigrationFile migration = item.migration();
            switch (item.state()) {
                case MODIFIED -> {
                    ledger.rehash(item.row().orElseThrow(), migration.hash());
                    changes.add("Re-recorded the hash of " + migration.tag() + ", whose file was edited after it was applied: "
                            + migration.hash() + ".");
                }
                case WHEN_CHANGED -> {
                    long appliedWhen = item.appliedWhen().orElseThrow();
                    ledger.rerecord(item.row().orElseThrow(), migration);
                    changes.add("Re-recorded " + migration.tag() + " under its journal's when " + migration.when()
                            + " (it was applied under " + appliedWhen + ").");
                }
                case NAME_CHANGED -> {
                    String appliedName = item.appliedName().orElseThrow();
                    ledger.rerecord(item.row().orElseThrow(), migration);
                    changes.add("Re-recorded " + migration.tag() + " under its folder's new name (it was applied as "
                            + appliedName + ").");
                }
                case PARTIAL -> repairPartial(ledger, migration, progress.get(migration.when()), changes);
                case APPLIED, PENDING -> {
                }
            }
        }
        return changes;
    }

    private static void repairPartial(Ledger ledger, MigrationFile migration, Ledger.Progress progress, List<String> changes)
            throws SQLException {
        if (progress.runningHash().isPresent()) {
            changes.add("Left " + migration.tag() + " as it is: statement " + (progress.statementsDone() + 1) + " was cut off"
                    + " while it ran, and the next --up reads the catalog to learn whether it took effect.");
            return;
        }
        int done = progress.statementsDone();
        if (done == 0) {
            ledger.clearProgress(migration);
            changes.add("Cleared the failed run of " + migration.tag() + ", of which nothing took effect: it is pending.");
            return;
        }
        List<String> hashes = migration.statements().stream().map(MigrationFile::sha256).toList();
        if (done > hashes.size()) {
            changes.add("Left " + migration.tag() + " as it is: " + done + " of its statements ran, and its file now has only "
                    + hashes.size() + ". Restore the statements that ran.");
            return;
        }
        boolean edited = !hashes.subList(0, done).equals(progress.statementHashes());
        if (!edited && progress.error().isEmpty()) {
            return; // stopped between statements: the next --up resumes it as it is
        }
        ledger.saveProgress(migration, done, hashes, null, null);
        String what = edited ? "Re-recorded the hashes of the " + done + " done statements of " + migration.tag()
                + ", edited since they ran" + (progress.error().isPresent() ? ", and cleared its failure" : "")
                : "Cleared the failure of " + migration.tag();
        changes.add(what + ": the next --up resumes it at statement " + (done + 1) + ".");
    }
}
