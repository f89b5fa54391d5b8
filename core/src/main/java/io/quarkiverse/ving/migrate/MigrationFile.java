package io.quarkiverse.ving.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One migration of a folder as the migrator sees it: its journal entry, its SQL and the SQL's hash.
 *
 * @param entry the journal entry; of a drizzle-kit 1.0 folder, its position, its folder's time and its folder name
 * @param sql the {@code .sql} file's text, exactly as on disk
 * @param name the name drizzle-orm 1.0's ledger records it under: its folder's name, or for a 0.x journal entry the
 *        name {@code drizzle-kit up} would give its folder
 */
public record MigrationFile(Journal.Entry entry, String sql, String name) {

    /** A migration of a 0.x folder. */
    public MigrationFile(Journal.Entry entry, String sql) {
        this(entry, sql, entry.v1Name());
    }

    private static final Pattern BREAKPOINT = Pattern.compile("--> statement-breakpoint", Pattern.LITERAL);

    /** What drizzle-kit's migrator stores in the ledger: the hex SHA-256 of the whole file. */
    public String hash() {
        return sha256(sql);
    }

    /**
     * The statements, split where drizzle's migrator splits them (on the marker, the line breaks around it kept);
     * pieces holding only white space are left out (drizzle's migrator sends them and fails with "Query was empty").
     */
    public List<String> statements() {
        return BREAKPOINT.splitAsStream(sql).filter(piece -> !piece.isBlank()).toList();
    }

    public String tag() {
        return entry.tag();
    }

    public long when() {
        return entry.when();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
