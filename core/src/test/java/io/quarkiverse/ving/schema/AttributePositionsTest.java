package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.SourcePosition;

/** A prop's positions, kept compact: the same map as one built entry by entry. */
class AttributePositionsTest {

    private static final SourcePosition OWN = new SourcePosition(4, 9);

    @Test
    void eachAttributeAndTheObjectItselfHaveTheirPosition() {
        Map<String, SourcePosition> positions = new AttributePositions(OWN, List.of("name", "type"),
                List.of(new SourcePosition(5, 13), new SourcePosition(600_000, 70_000)));
        assertEquals(Map.of("", OWN, "name", new SourcePosition(5, 13), "type", new SourcePosition(600_000, 70_000)),
                positions);
        assertEquals(new SourcePosition(600_000, 70_000), positions.get("type"));
        assertNull(positions.get("view"));
        assertFalse(positions.containsKey("view"));
    }

    @Test
    void anAttributeNamedEmptyTakesThePlaceOfTheObjectsOwn() {
        Map<String, SourcePosition> positions = new AttributePositions(OWN, List.of("", "name"),
                List.of(new SourcePosition(5, 13), new SourcePosition(6, 13)));
        assertEquals(Map.of("", new SourcePosition(5, 13), "name", new SourcePosition(6, 13)), positions);
    }
}
