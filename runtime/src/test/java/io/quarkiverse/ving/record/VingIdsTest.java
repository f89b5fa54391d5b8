package io.quarkiverse.ving.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VingIdsTest {

    /**
     * key|id|string id, as src/test/ving-ids/reference.mjs prints them from the skip32 package ving uses (1.3.0) and
     * ving's base-62 alphabet.
     */
    private static final String[] REFERENCE = {
            "|1|vKDWmj",
            "|2|v5VzQE",
            "|8|vC2N9VW",
            "|61|vBC25hB",
            "|62|vEjP7rS",
            "|1000|vBcnPY6",
            "|123456789|vBuJyow",
            "|4294967295|vCdTMhm",
            "1,2,3,4,5,6,7,8,9,10|1|vBhFzL9",
            "1,2,3,4,5,6,7,8,9,10|2|vEmNccT",
            "1,2,3,4,5,6,7,8,9,10|8|vD1umac",
            "1,2,3,4,5,6,7,8,9,10|61|vtLAx1",
            "1,2,3,4,5,6,7,8,9,10|62|vDOUMLa",
            "1,2,3,4,5,6,7,8,9,10|1000|vCSubI4",
            "1,2,3,4,5,6,7,8,9,10|123456789|vEhzxFy",
            "1,2,3,4,5,6,7,8,9,10|4294967295|vDFL0YP",
            "42,7|1|vwW8jt",
            "42,7|2|v9Ddn2",
            "42,7|8|vCy2M2V",
            "42,7|61|vD3N_4p",
            "42,7|62|vhh9P2",
            "42,7|1000|vDHLiDP",
            "42,7|123456789|vB2VwHA",
            "42,7|4294967295|vDiaezd" };

    @AfterEach
    void keyFromTheEnvironment() {
        VingIds.useKey(null);
    }

    @Test
    void writesAndReadsIdsAsVingDoes() {
        for (String line : REFERENCE) {
            String[] parts = line.split("\\|");
            VingIds.useKey(parts[0]);
            long id = Long.parseLong(parts[1]);
            assertEquals(parts[2], VingIds.stringify(id), line);
            assertEquals(id, VingIds.parse(parts[2]), line);
        }
    }

    @Test
    void readsThePrefixedFormVingAccepts() {
        VingIds.useKey("");
        assertEquals(Optional.of(1L), VingIds.tryParse("UservKDWmj"), "the digits after the last v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "v", "vKD-Wmj", "vKDWmj!", "v________", "KDWmj"})
    void refusesWhatIsNotAStringId(String text) {
        assertEquals(Optional.empty(), VingIds.tryParse(text), text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VingIds.parse(text));
        assertTrue(e.getMessage().contains("is not a ving string id"), e.getMessage());
    }

    @Test
    void refusesIdsSkip32CannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VingIds.stringify(4_294_967_296L));
        assertEquals("Id 4294967296 cannot be written as a ving string id: those hold ids from 0 to 4294967295 (SKIP32"
                + " encrypts 32 bits).", e.getMessage());
    }

    @Test
    void refusesABadKeyWithoutRepeatingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VingIds.useKey("1,2,secret"));
        assertEquals("The id key's number 3 is not a whole number from 0 to 255; the key is one to ten of them,"
                + " comma-separated.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VingIds.useKey("1,2,3,4,5,6,7,8,9,10,11"));
        assertTrue(e.getMessage().startsWith("The id key has 11 numbers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VingIds.useKey("256"));
    }
}
