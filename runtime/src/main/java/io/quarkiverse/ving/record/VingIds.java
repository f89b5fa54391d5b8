package io.quarkiverse.ving.record;

import java.util.Optional;

/**
 * ving's string ids ({@code stringifyId} / {@code parseId}): a record's id encrypted with SKIP32 under the key in
 * {@code VING_SKIPJACK_KEY} (one to ten numbers from 0 to 255, comma-separated; unset means a key of zeros), then
 * written in ving's base-62 alphabet after a {@code v}. The same key gives the same strings as a ving application, so
 * both serve the same URLs.
 *
 * <pre>
 * VingIds.stringify(1)          // "vKDWmj" without a key
 * VingIds.parse("vKDWmj")       // 1
 * </pre>
 */
public final class VingIds {

    /** The environment variable ving reads its key from. */
    public static final String KEY_VARIABLE = "VING_SKIPJACK_KEY";

    /** ving's digits: the letters (but {@code v}, which starts the digits), the digits backwards, and {@code _}. */
    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuwxyz9876543210_";
    private static final long LARGEST = 0xffff_ffffL;

    /** Made on first use, so that a bad key is reported where an id is needed rather than as the class loads. */
    private static volatile Skip32 cipher;

    private VingIds() {
    }

    /**
     * Uses this key from now on, in {@code VING_SKIPJACK_KEY}'s form; null goes back to reading the variable.
     *
     * @throws IllegalArgumentException naming the bad number
     */
    public static void useKey(String key) {
        cipher = key == null ? null : new Skip32(parseKey(key, "The id key"));
    }

    /**
     * The string form of an id.
     *
     * @throws IllegalArgumentException for an id outside 0 to 4294967295, which SKIP32's 32 bits cannot hold
     */
    public static String stringify(long id) {
        if (id < 0 || id > LARGEST) {
            throw new IllegalArgumentException("Id " + id + " cannot be written as a ving string id: those hold ids from 0"
                    + " to 4294967295 (SKIP32 encrypts 32 bits).");
        }
        long encrypted = cipher().encrypt(id);
        if (encrypted == 0) {
            return String.valueOf(DIGITS.charAt(0)); // as ving writes zero: no 'v'
        }
        StringBuilder digits = new StringBuilder();
        for (long rest = encrypted; rest > 0; rest /= DIGITS.length()) {
            digits.append(DIGITS.charAt((int) (rest % DIGITS.length())));
        }
        return "v" + digits.reverse();
    }

    /**
     * The id a string id stands for.
     *
     * @throws IllegalArgumentException when the text is not a ving string id
     */
    public static long parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a ving string id: those"
                + " are a 'v' and letters, digits or '_', as stringify writes them."));
    }

    /** The id a string id stands for; empty when the text is not one. */
    public static Optional<Long> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals(String.valueOf(DIGITS.charAt(0)))) {
            return Optional.of(cipher().decrypt(0));
        }
        // ving reads the digits after the last 'v' (a prefix may come before it)
        int start = text.lastIndexOf('v') + 1;
        if (start == 0 || start == text.length()) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            int digit = DIGITS.indexOf(text.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            value = value * DIGITS.length() + digit;
            if (value > LARGEST) {
                return Optional.empty();
            }
        }
        return Optional.of(cipher().decrypt(value));
    }

    private static Skip32 cipher() {
        Skip32 current = cipher;
        if (current == null) {
            String key = System.getenv(KEY_VARIABLE);
            current = new Skip32(key == null ? new int[0] : parseKey(key, KEY_VARIABLE));
            cipher = current;
        }
        return current;
    }

    private static int[] parseKey(String key, String source) {
        if (key.isBlank()) {
            return new int[0];
        }
        String[] parts = key.split(",", -1);
        if (parts.length > 10) {
            throw new IllegalArgumentException(source + " has " + parts.length + " numbers; SKIP32's key is at most 10"
                    + " (from 0 to 255, comma-separated).");
        }
        int[] bytes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                // the key is a secret: its parts are not repeated
                throw new IllegalArgumentException(source + "'s number " + (i + 1) + " is not a whole number from 0 to 255;"
                        + " the key is one to ten of them, comma-separated.");
            }
            bytes[i] = Integer.parseInt(part);
        }
        return bytes;
    }
}
