package io.quarkiverse.ving.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsonReader;
import io.quarkiverse.ving.json.JsonWriter;

/**
 * {@code meta/_journal.json}: the ordered list of a folder's migrations. drizzle-kit's migrator reads only this
 * and the {@code .sql} files.
 */
public record Journal(List<Entry> entries) {

    /** The journal format version, the same for every dialect. */
    public static final String VERSION = "7";

    public static final Journal EMPTY = new Journal(List.of());

    /**
     * One migration.
     *
     * @param idx its position, from 0
     * @param when when it was prepared, in ms since the epoch; the ledger stores it as {@code created_at}
     * @param tag its name, {@code 0003_add_users_bio}, the file name without {@code .sql}
     */
    public record Entry(int idx, long when, String tag) {

        /** Its snapshot's file name, after the tag's number as drizzle-kit names it: {@code 0003_snapshot.json}. */
        public String snapshotFileName() {
            return Journal.snapshotFileName(tag);
        }

        /**
         * The name drizzle-kit 1.0 gives this migration's folder when {@code drizzle-kit up} moves it out of the journal:
         * its when as a UTC {@code YYYYMMDDHHMMSS}, then its tag without the number ({@code 20261203140358_initial}).
         * drizzle-orm 1.0's migrator tells migrations apart by this name.
         */
        public String v1Name() {
            return V1Migrations.folderTime(when) + (tag.contains("_") ? tag.substring(tag.indexOf('_')) : "_");
        }
    }

    /** The snapshot file name of the migration with this tag: {@code 0003_snapshot.json}. */
    static String snapshotFileName(String tag) {
        return tag.substring(0, tag.indexOf('_')) + "_snapshot.json";
    }

    /** The journal with one more migration. */
    public Journal with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        return new Journal(List.copyOf(all));
    }

    /** The idx the next migration gets. */
    public int nextIdx() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).idx() + 1;
    }

    /** {@code JSON.stringify(journal, null, 2)}, as drizzle-kit writes it. */
    public String toJson() {
        List<Object> list = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("idx", entry.idx());
            json.put("version", Snapshot.VERSION);
            json.put("when", entry.when());
            json.put("tag", entry.tag());
            json.put("breakpoints", true);
            list.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", VERSION);
        json.put("dialect", "mysql");
        json.put("entries", list);
        return JsonWriter.indented(json);
    }

    /** A file name without extension: what drizzle-kit writes ({@code 0003_add_users_bio}), and nothing that leaves the folder. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_\\-]*");

    private static boolean isWholeNumber(Number number) {
        return !(number instanceof Double || number instanceof Float) || number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 0x1p53;
    }

    /**
     * Reads a journal, checking what the migrator relies on: every entry with a whole idx and when, a tag naming a file of
     * the folder, and no tag or when twice.
     */
    public static Journal read(Path file, String text) {
        Object json;
        try {
            json = JsonReader.read(file, text);
        } catch (JsSyntaxException e) {
            throw new MigrationException((Path) null, "Not a valid journal: " + e.getMessage(), e);
        }
        if (!(json instanceof Map<?, ?> map) || !"mysql".equals(map.get("dialect")) || !(map.get("entries") instanceof List<?> list)) {
            throw new MigrationException(file, "Not a drizzle-kit journal for mysql ({\"version\": \"7\", \"dialect\": \"mysql\", \"entries\": […]}).");
        }
        List<Entry> entries = new ArrayList<>();
        Map<Long, String> tagByWhen = new HashMap<>();
        Set<String> tags = new HashSet<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> entry) || !(entry.get("idx") instanceof Number idx)
                    || !(entry.get("when") instanceof Number when) || !(entry.get("tag") instanceof String tag)) {
                throw new MigrationException(file, "Every journal entry needs a number idx, a number when and a string tag: " + element);
            }
            if (!isWholeNumber(idx) || idx.longValue() < 0 || !isWholeNumber(when) || when.longValue() < 0) {
                throw new MigrationException(file, "Journal entry " + tag + ": idx and when must be whole numbers, 0 or more"
                        + " (when is milliseconds since 1970), not " + idx + " and " + when + ".");
            }
            if (!TAG.matcher(tag).matches()) {
                throw new MigrationException(file, "Journal entry " + idx + ": its tag '" + tag + "' must be the name of a .sql"
                        + " file of this folder without its extension (letters, digits, _ and -, such as 0003_add_users_bio).");
            }
            if (!tags.add(tag)) {
                throw new MigrationException(file, "The journal lists " + tag + " twice.");
            }
            String sameWhen = tagByWhen.putIfAbsent(when.longValue(), tag);
            if (sameWhen != null) {
                // drizzle's migrator tells migrations apart by when alone: it would apply only one of the two
                throw new MigrationException(file, "The journal entries " + sameWhen + " and " + tag + " have the same when ("
                        + when.longValue() + "). drizzle-kit's migrator tells migrations apart by their when and would never"
                        + " apply one of them. Give " + tag + " a when later than every other entry's.");
            }
            entries.add(new Entry(idx.intValue(), when.longValue(), tag));
        }
        return new Journal(List.copyOf(entries));
    }
}
