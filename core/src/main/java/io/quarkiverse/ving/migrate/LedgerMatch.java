package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.migrate.MigrationStatus.LedgerRow;

/**
 * Which migration each row of {@code __drizzle_migrations} records, by the rule of the tool that will read the ledger
 * next:
 * <ul>
 * <li>a row with a name records the migration of that name (drizzle-orm 1.0; for a 0.x folder, the name
 * {@code drizzle-kit up} would give the migration's folder);</li>
 * <li>a row without one, of a 0.x folder, records the migration of its {@code created_at} (drizzle-kit 0.x);</li>
 * <li>a row without one, of a 1.0 folder, records what drizzle-orm 1.0 matches it to when it upgrades a 0.x ledger:
 * the migration of the same second, by hash when several share it, else the migration of its hash.</li>
 * </ul>
 */
final class LedgerMatch {

    private LedgerMatch() {
    }

    /**
     * @param recordsNames whether the migrations are in drizzle-kit 1.0's layout
     * @return each row that records a migration of the folder, by row id, in row order; the other rows record migrations
     *         the folder lacks
     */
    static Map<Long, MigrationFile> of(List<MigrationFile> migrations, List<LedgerRow> rows, boolean recordsNames) {
        Map<String, MigrationFile> byName = new HashMap<>();
        Map<Long, MigrationFile> byWhen = new HashMap<>();
        Map<Long, List<MigrationFile>> bySecond = new HashMap<>();
        Map<String, MigrationFile> byHash = new HashMap<>();
        for (MigrationFile migration : migrations) {
            byName.put(migration.name(), migration);
            byWhen.putIfAbsent(migration.when(), migration);
            bySecond.computeIfAbsent(migration.when(), when -> new ArrayList<>()).add(migration);
            byHash.put(migration.hash(), migration); // the last of equal files, as drizzle-orm's map keeps it
        }
        Map<Long, MigrationFile> matched = new LinkedHashMap<>();
        for (LedgerRow row : rows) {
            MigrationFile migration;
            if (row.name() != null) {
                migration = byName.get(row.name());
            } else if (row.createdAt() == null) {
                migration = null;
            } else if (!recordsNames) {
                migration = byWhen.get(row.createdAt());
            } else {
                List<MigrationFile> sameSecond = bySecond.getOrDefault(toSecond(row.createdAt()), List.of());
                migration = sameSecond.size() == 1 ? sameSecond.get(0)
                        : sameSecond.isEmpty() ? byHash.get(row.hash())
                                : sameSecond.stream().filter(candidate -> candidate.hash().equals(row.hash())).findFirst()
                                        .orElse(null);
            }
            if (migration != null) {
                matched.put(row.id(), migration);
            }
        }
        return matched;
    }

    /** A {@code created_at} cut to its second as drizzle-orm 1.0 cuts it: its last three digits made {@code 000}. */
    static long toSecond(long createdAt) {
        String digits = Long.toString(createdAt);
        return Long.parseLong(digits.substring(0, Math.max(0, digits.length() - 3)) + "000");
    }
}
