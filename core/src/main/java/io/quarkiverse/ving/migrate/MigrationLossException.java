package io.quarkiverse.ving.migrate;

import java.util.List;

/**
 * {@code --down} refused: a down file would destroy data the database holds. Nothing was run; {@code --force-lossy}
 * runs it anyway.
 */
public class MigrationLossException extends MigrationConflictException {

    private final List<String> losses;

    public MigrationLossException(List<String> losses) {
        super("--down", "Reverting would destroy data, so nothing was reverted:\n  " + String.join("\n  ", losses)
                + "\nBack the data up, or move it, then run --down again with --force-lossy to revert all the same.");
        this.losses = List.copyOf(losses);
    }

    /** A sentence per statement that would destroy data, naming the migration and the rows at stake. */
    public List<String> losses() {
        return losses;
    }
}
