package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reading and validating a schema takes time in proportion to its props: eight times the props, about eight times
 * the time. A look-up over all props for each prop (as the duplicate-prop, relation-name and qualifier checks once
 * did) makes it sixty-four times.
 */
class ValidationScalingTest {

    private static final int SMALL = 2_000;
    private static final int LARGE = SMALL * 8;
    /** Linear is 8; this leaves room for the collector and a busy machine, and is far below quadratic's 64. */
    private static final double MAX_RATIO = 24;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void eightTimesThePropsTakeAboutEightTimesTheTime() {
        String small = schema(SMALL);
        String large = schema(LARGE);
        for (int i = 0; i < 3; i++) {
            cpuNanos(small); // warm up the compiler
        }
        long smallNanos = Math.min(cpuNanos(small), Math.min(cpuNanos(small), cpuNanos(small)));
        long largeNanos = Math.min(cpuNanos(large), cpuNanos(large));
        double ratio = (double) largeNanos / smallNanos;
        assertTrue(ratio < MAX_RATIO, LARGE + " props took " + ratio + " times as long as " + SMALL + " ("
                + largeNanos / 1_000_000 + " ms against " + smallNanos / 1_000_000 + " ms of CPU)");
    }

    /** The CPU time this thread spends reading and validating the schema: other processes' load does not count. */
    private static long cpuNanos(String text) {
        long start = THREADS.getCurrentThreadCpuTime();
        Schema schema = new MjsSchemaReader().read(Path.of("User.mjs"), text);
        SchemaValidator.validate(List.of(schema));
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /** A User schema of strings unique within the prop before them, and parent relations to User. */
    private static String schema(int props) {
        StringBuilder text = new StringBuilder("""
                export const RoleOptions = ['admin'];
                export const userSchema = {
                    kind: 'User', tableName: 'users', owner: ['$id', '^sponsor1', 'admin'],
                    props: [
                        { ...baseSchemaId },
                """);
        for (int i = 0; i < props; i++) {
            text.append(i % 2 == 0 ? """
                            { type: "string", name: "code%d", required: true, length: 12, default: '', unique: true,
                              uniqueQualifiers: ['sponsor%dId'], db: (prop) => dbVarChar(prop),
                              zod: (prop) => zodString(prop), view: ['public'], edit: ['owner'] },
                    """.formatted(i, i + 1) : """
                            { type: "id", name: "sponsor%dId", required: false, default: undefined,
                              db: (prop) => dbRelation(prop), relation: { type: 'parent', name: 'sponsor%d', kind: 'User' },
                              view: ['public'], edit: ['owner'] },
                    """.formatted(i, i));
        }
        return text.append("    ],\n};\n").toString();
    }
}
