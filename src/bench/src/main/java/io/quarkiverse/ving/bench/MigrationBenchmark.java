package io.quarkiverse.ving.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationPreparer;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.migrate.Snapshot;
import io.quarkiverse.ving.schema.SchemaDirectory;

/**
 * {@code ving drizzle --prepare} on 200 kinds of 15 props (the first migration, then a one-change diff), and
 * {@code --up} of 100 small migrations beside the same statements sent over plain JDBC, in one run.
 */
public final class MigrationBenchmark {

    private static final int KINDS = 200;
    private static final int MIGRATIONS = 100;
    private static final int RUNS = 41; // single runs of --up move by a third on a 2-core machine: 15 runs gave medians 1.39 to 1.50
    private static final String HOST = System.getenv().getOrDefault("VING_BENCH_DB_HOST", "127.0.0.1:3306");

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ving-bench");
        try {
            System.out.println("# Migration benchmark");
            System.out.println();
            machine();
            prepare(work);
            up(work);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void machine() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root")) {
            System.out.println("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + ManagementFactory.getOperatingSystemMXBean().getArch() + ", Java " + System.getProperty("java.version")
                    + ", database " + connection.getMetaData().getDatabaseProductVersion());
        }
        System.out.println("- each figure: the median of " + RUNS + " runs after one warm-up run, wall time");
        System.out.println();
    }

    private static void prepare(Path work) throws IOException {
        Path schemas = Files.createDirectories(work.resolve("schemas"));
        for (int i = 0; i < KINDS; i++) {
            Files.writeString(schemas.resolve(kind(i) + ".mjs"), schema(i, 60));
        }
        List<Long> first = new ArrayList<>();
        List<Long> oneChange = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            MigrationFolder folder = new MigrationFolder(work.resolve("migrations" + run));
            Files.writeString(schemas.resolve(kind(7) + ".mjs"), schema(7, 60));
            long start = System.nanoTime();
            MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder, MigrationPreparer.Options.DEFAULT, Clock.systemUTC());
            long firstDone = System.nanoTime();
            Files.writeString(schemas.resolve(kind(7) + ".mjs"), schema(7, 80));
            long changeStart = System.nanoTime();
            MigrationPreparer.Result result = MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder,
                    MigrationPreparer.Options.DEFAULT, Clock.systemUTC());
            long changeDone = System.nanoTime();
            if (result.plan().statements().size() != 1) {
                throw new IllegalStateException("expected one statement, got " + result.plan().statements());
            }
            if (run > 0) {
                first.add(firstDone - start);
                oneChange.add(changeDone - changeStart);
            }
        }
        System.out.println("| --prepare, " + KINDS + " kinds × 15 props (read, validate, diff, write) | wall time |");
        System.out.println("|---|---|");
        System.out.println("| first migration (" + KINDS + " CREATE TABLE + foreign keys) | " + millis(median(first)) + " |");
        System.out.println("| one-change diff (one varchar length) | " + millis(median(oneChange)) + " |");
        System.out.println();
    }

    private static void up(Path work) throws Exception {
        MigrationFolder folder = new MigrationFolder(work.resolve("up"));
        Snapshot snapshot = Snapshot.EMPTY;
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < MIGRATIONS; i++) {
            String sql = i == 0 ? "CREATE TABLE `bench` (`id` int)" : "ALTER TABLE `bench` ADD `c" + i + "` int";
            statements.add(sql);
            snapshot = Snapshot.following(snapshot, List.of());
            folder.add("step" + i, sql, snapshot, 1_800_000_000_000L + i);
        }
        List<Long> ving = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            resetDatabase();
            long start = System.nanoTime();
            new Migrator(new MariaDbDataSource(url()), folder, Duration.ofSeconds(30)).up();
            long vingDone = System.nanoTime();
            resetDatabase();
            long rawStart = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            long rawDone = System.nanoTime();
            if (run > 0) {
                ving.add(vingDone - start);
                raw.add(rawDone - rawStart);
            }
        }
        long vingMedian = median(ving);
        long rawMedian = median(raw);
        System.out.println("| --up, " + MIGRATIONS + " one-statement migrations on an empty database | wall time | ratio |");
        System.out.println("|---|---|---|");
        System.out.println("| the same statements over plain JDBC (no ledger, no lock) | " + millis(rawMedian) + " | 1.00 |");
        System.out.println("| ving drizzle --up (lock, ledger, per-statement progress) | " + millis(vingMedian) + " | "
                + String.format("%.2f", (double) vingMedian / rawMedian) + " |");
        resetDatabase();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists ving_bench");
        }
    }

    private static String url() {
        return "jdbc:mariadb://" + HOST + "/ving_bench?user=root&allowMultiQueries=true";
    }

    private static void resetDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists ving_bench");
            statement.execute("create database ving_bench");
        }
    }

    private static String kind(int i) {
        return "Kind" + String.format("%03d", i);
    }

    /** A kind of 15 props: the three base props, 11 of assorted types, and a parent relation to the kind before it. */
    private static String schema(int i, int titleLength) {
        String parent = i == 0 ? "" : """
                    { type: 'id', name: 'parentId', required: false, default: undefined, db: (prop) => dbRelation(prop),
                      relation: { type: 'parent', name: 'parent', kind: '%s' }, view: ['public'], edit: [] },
                """.formatted(kind(i - 1));
        String padding = i == 0 ? "    { type: 'int', name: 'spare', required: true, default: 0, db: (prop) => dbInt(prop), zod: (prop) => zodNumber(prop), view: [], edit: ['owner'] },\n" : "";
        return """
                export const kind%1$sSchema = {
                    kind: '%1$s', tableName: '%2$s', owner: [],
                    props: [
                    { ...baseSchemaId }, { ...baseSchemaCreatedAt }, { ...baseSchemaUpdatedAt },
                    { type: 'string', name: 'title', required: true, unique: true, length: %3$d, default: '', db: (prop) => dbVarChar(prop), zod: (prop) => zodString(prop), view: [], edit: ['owner'] },
                    { type: 'string', name: 'body', required: false, length: 65535, default: '', db: (prop) => dbText(prop), zod: (prop) => zodString(prop), view: [], edit: ['owner'] },
                    { type: 'string', name: 'code', required: true, length: 20, default: 'x', db: (prop) => dbVarChar(prop), zod: (prop) => zodString(prop), view: [], edit: ['owner'] },
                    { type: 'int', name: 'rank', required: true, default: 0, db: (prop) => dbInt(prop), zod: (prop) => zodNumber(prop), view: [], edit: ['owner'] },
                    { type: 'int', name: 'views', required: true, default: 0, db: (prop) => dbBigInt(prop), zod: (prop) => zodNumber(prop), view: [], edit: ['owner'] },
                    { type: 'boolean', name: 'active', required: true, default: true, db: (prop) => dbBoolean(prop), enums: [false, true], enumLabels: ['No', 'Yes'], view: [], edit: ['owner'] },
                    { type: 'enum', name: 'state', required: true, default: 'new', enums: ['new', 'old'], enumLabels: ['New', 'Old'], db: (prop) => dbEnum(prop), view: [], edit: ['owner'] },
                    { type: 'json', name: 'meta', required: false, default: '{}', db: (prop) => dbJson(prop), zod: (prop) => zodJsonObject(prop), view: [], edit: ['owner'] },
                    { type: 'date', name: 'seenAt', required: true, default: () => new Date(), db: (prop) => dbDateTime(prop), view: [], edit: [] },
                    { type: 'string', name: 'publicId', required: true, length: 36, default: () => uuid(), db: (prop) => dbUuid(prop), view: [], edit: [] },
                    { type: 'string', name: 'slug', required: true, unique: true, uniqueQualifiers: ['code'], length: 60, default: '', db: (prop) => dbVarChar(prop), zod: (prop) => zodString(prop), view: [], edit: ['owner'] },
                %4$s%5$s    ],
                };
                """.formatted(kind(i), "table" + String.format("%03d", i) + "s", titleLength, parent, padding);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String millis(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }
}
