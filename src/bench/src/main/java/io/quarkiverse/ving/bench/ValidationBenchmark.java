package io.quarkiverse.ving.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkiverse.ving.schema.SchemaValidationException;

/**
 * What {@code ving schema --validate} does with one schema file of 1,000, 10,000 and 100,000 props, in its
 * {@code .mjs} and its JSON form: read the file, parse it, assemble the schema, validate it. Reports props
 * validated per second; the rate at 100,000 props over the rate at 1,000 shows whether the time grows in line with
 * the file.
 *
 * <p>
 * Each run is timed twice: wall time, and the CPU time the whole process spent (the collector's and the compiler's
 * threads included). On a machine shared with other work, wall time also counts the time other processes held the
 * cores; the CPU time does not, so its rates are the ones to compare between sizes.
 *
 * <p>
 * A table of more than 1,017 columns is refused by InnoDB, so every file but the smallest ends with the problems
 * of its table's size: the run checks that those are the only ones, so that the whole validation ran.
 */
public final class ValidationBenchmark {

    private static final int[] SIZES = { 1_000, 10_000, 100_000 };
    /** Each size is read until this much time has passed, and at least {@link #MIN_RUNS} times. */
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int MIN_RUNS = 5;
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("ving-bench-validation");
        try {
            System.out.println("# Validation benchmark");
            System.out.println();
            System.out.println("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + ManagementFactory.getOperatingSystemMXBean().getArch() + ", Java "
                    + System.getProperty("java.version") + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, collectors "
                    + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                            .collect(Collectors.joining(" + ")));
            System.out.println("- each figure: the median of at least " + MIN_RUNS + " runs ("
                    + MEASURE_NANOS / 1_000_000_000L + " s of runs) after " + WARM_UP_NANOS / 1_000_000_000L
                    + " s of warm-up on 10,000 props; read + parse + assemble + validate; CPU time is the process's"
                    + " (collector and compiler included), per run");
            System.out.println();
            System.out.println("| form | props | median wall time | props/s (wall) | wall rate vs 1,000 props "
                    + "| CPU time | props/s (CPU) | CPU rate vs 1,000 props |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String form : List.of("mjs", "json")) {
                Path folder = Files.createDirectories(work.resolve(form));
                Path warmUp = write(folder, form, 10_000);
                long until = System.nanoTime() + WARM_UP_NANOS;
                while (System.nanoTime() < until) {
                    validate(warmUp);
                }
                double firstWallRate = 0;
                double firstCpuRate = 0;
                for (int size : SIZES) {
                    Path file = write(folder, form, size);
                    Timing median = median(file);
                    double wallRate = size / (median.wallNanos() / 1e9);
                    double cpuRate = size / (median.cpuNanos() / 1e9);
                    firstWallRate = firstWallRate == 0 ? wallRate : firstWallRate;
                    firstCpuRate = firstCpuRate == 0 ? cpuRate : firstCpuRate;
                    System.out.printf("| %s | %,d | %,.1f ms | %,.0f | %.2f | %,.1f ms | %,.0f | %.2f |%n", form, size,
                            median.wallNanos() / 1e6, wallRate, wallRate / firstWallRate, median.cpuNanos() / 1e6, cpuRate,
                            cpuRate / firstCpuRate);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path write(Path folder, String form, int props) throws IOException {
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Path file = folder.resolve("User." + form);
        Files.writeString(file, form.equals("mjs") ? GeneratedSchema.mjs(props) : GeneratedSchema.json(props));
        return file;
    }

    /** A run's median wall time, and the process's CPU time per run. */
    private record Timing(long wallNanos, long cpuNanos) {
    }

    /**
     * The median wall time of the runs, and the process's CPU time over all of them divided by their number: the
     * process's CPU clock ticks in steps of 10 ms here, too coarse to time one run of a small file.
     */
    private static Timing median(Path file) {
        List<Long> wall = new ArrayList<>();
        System.gc(); // what the sizes before left behind is not this size's to collect
        long until = System.nanoTime() + MEASURE_NANOS;
        long cpuStart = PROCESS.getProcessCpuTime();
        while (wall.size() < MIN_RUNS || System.nanoTime() < until) {
            long start = System.nanoTime();
            validate(file);
            wall.add(System.nanoTime() - start);
        }
        long cpu = (PROCESS.getProcessCpuTime() - cpuStart) / wall.size();
        Collections.sort(wall);
        return new Timing(wall.get(wall.size() / 2), cpu);
    }

    /** Reads and validates the file as the CLI does; any problem but the size of the table fails the run. */
    private static void validate(Path file) {
        try {
            SchemaDirectory.load(List.of(file));
        } catch (SchemaValidationException e) {
            boolean onlyTableSize = e.problems().stream().allMatch(problem -> problem.problem().startsWith("Schema User has ")
                    || problem.problem().startsWith("Schema User rows "));
            if (!onlyTableSize) {
                throw new IllegalStateException("Unexpected problems in " + file + ":\n"
                        + e.problems().stream().map(SchemaException::getMessage).collect(Collectors.joining("\n")));
            }
        }
    }
}
