package io.quarkiverse.ving.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import io.quarkiverse.ving.js.SourcePosition;

/**
 * Where each attribute of a prop or schema starts in its file, and under the key {@code ""} where the prop or schema
 * itself starts: an immutable map that keeps the attribute names the prop already has and each position as one number.
 * Every prop of a large schema keeps one until validation ends, and a map of position objects took a third of what
 * the props held; a position is only made when a message asks for one.
 */
final class AttributePositions extends AbstractMap<String, SourcePosition> {

    private static final String OWN = "";

    private final List<String> attributes;
    /** The object's own position, then each attribute's, in the order of {@link #attributes}: line high, column low. */
    private final long[] positions;
    /** The first slot of {@link #positions} that is an entry: 1 when an attribute named "" stands for the object's own. */
    private final int first;

    /**
     * @param own where the prop or schema starts
     * @param attributes the attribute names, in written order; one named "" takes the place of the object's own
     * @param positions where each attribute starts, in the same order
     */
    AttributePositions(SourcePosition own, List<String> attributes, List<SourcePosition> positions) {
        this.attributes = attributes;
        this.positions = new long[attributes.size() + 1];
        this.positions[0] = pack(own);
        for (int i = 0; i < positions.size(); i++) {
            this.positions[i + 1] = pack(positions.get(i));
        }
        this.first = attributes.contains(OWN) ? 1 : 0;
    }

    private static long pack(SourcePosition position) {
        return (long) position.line() << 32 | (position.column() & 0xFFFF_FFFFL);
    }

    private static SourcePosition unpack(long packed) {
        return new SourcePosition((int) (packed >>> 32), (int) packed);
    }

    /** The slot of the key in {@link #positions}, or -1. */
    private int slotOf(Object key) {
        int index = attributes.indexOf(key);
        if (index >= 0) {
            return index + 1;
        }
        return OWN.equals(key) ? 0 : -1;
    }

    @Override
    public SourcePosition get(Object key) {
        int slot = slotOf(key);
        return slot < 0 ? null : unpack(positions[slot]);
    }

    @Override
    public boolean containsKey(Object key) {
        return slotOf(key) >= 0;
    }

    @Override
    public int size() {
        return positions.length - first;
    }

    @Override
    public Set<Entry<String, SourcePosition>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return positions.length - first;
            }

            @Override
            public Iterator<Entry<String, SourcePosition>> iterator() {
                return new Iterator<>() {
                    private int slot = first;

                    @Override
                    public boolean hasNext() {
                        return slot < positions.length;
                    }

                    @Override
                    public Entry<String, SourcePosition> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        String key = slot == 0 ? OWN : attributes.get(slot - 1);
                        return Map.entry(key, unpack(positions[slot++]));
                    }
                };
            }
        };
    }
}
