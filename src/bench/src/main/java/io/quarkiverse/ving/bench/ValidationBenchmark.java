package io.quarkiverse.ving.bench;

import java.io.IOException;
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
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
            System.out.println("- each figure: the median of at least " + MIN_RUNS + " runs ("
                    + MEASURE_NANOS / 1_000_000_000L + " s of runs) after " + WARM_UP_NANOS / 1_000_000_000L
                    + " s of warm-up on 10,000 props; read + parse + assemble + validate");
            System.out.println();
            System.out.println("| form | props | median wall time | props/s (wall) | median CPU time | props/s (CPU) "
                    + "| CPU rate vs 1,000 props |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String form : List.of("mjs", "json")) {
                Path folder = Files.createDirectories(work.resolve(form));
                Path warmUp = write(folder, form, 10_000);
                long until = System.nanoTime() + WARM_UP_NANOS;
                while (System.nanoTime() < until) {
                    validate(warmUp);
                }
                double firstRate = 0;
                for (int size : SIZES) {
                    Path file = write(folder, form, size);
                    Timing median = median(file);
                    double wallRate = size / (median.wallNanos() / 1e9);
                    double cpuRate = size / (median.cpuNanos() / 1e9);
                    firstRate = firstRate == 0 ? cpuRate : firstRate;
                    System.out.printf("| %s | %,d | %,.1f ms | %,.0f | %,.1f ms | %,.0f | %.2f |%n", form, size,
                            median.wallNanos() / 1e6, wallRate, median.cpuNanos() / 1e6, cpuRate, cpuRate / firstRate);
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

    /** One run's wall time and the CPU time of the whole process over it. */
    private record Timing(long wallNanos, long cpuNanos) {
    }

    /** The median wall time and the median CPU time, each over the same runs. */
    private static Timing median(Path file) {
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        long until = System.nanoTime() + MEASURE_NANOS;
        while (wall.size() < MIN_RUNS || System.nanoTime() < until) {
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            validate(file);
            wall.add(System.nanoTime() - start);
            cpu.add(PROCESS.getProcessCpuTime() - cpuStart);
        }
        Collections.sort(wall);
        Collections.sort(cpu);
        return new Timing(wall.get(wall.size() / 2), cpu.get(cpu.size() / 2));
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
