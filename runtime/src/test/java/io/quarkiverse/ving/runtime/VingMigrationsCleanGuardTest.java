package io.quarkiverse.ving.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.MigrationSource;
import io.quarkiverse.ving.sql.VingDb;

/**
 * Whether clean may run, per {@code clean-disabled} and the launch mode: refused in production unless allowed, before
 * any database is looked up (the database here is one that cannot be reached, and says so when asked for).
 */
class VingMigrationsCleanGuardTest {

    /** What the database lookup throws: clean got past its guard. */
    private static final class Reached extends RuntimeException {
        Reached() {
            super("the database was asked for");
        }
    }

    private static VingMigrations migrations(String name, Optional<Boolean> cleanDisabled, boolean production) {
        return new VingMigrations(name, () -> {
            throw new Reached();
        }, new NoMigrations(), new Settings(cleanDisabled), sql -> {
        }, production);
    }

    @Test
    void productionRefusesCleanUnlessAllowed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> migrations("orders", Optional.empty(), true).clean());
        assertEquals("ving will not clean datasource \"orders\": quarkus.ving.\"orders\".clean-disabled is unset, which"
                + " disables clean in production. Clean drops every table; set quarkus.ving.\"orders\".clean-disabled=false"
                + " to allow it.", e.getMessage());
        assertThrows(Reached.class, () -> migrations("orders", Optional.of(false), true).clean(), "allowed explicitly");
    }

    @Test
    void devAndTestsCleanUnlessDisabled() {
        assertThrows(Reached.class, () -> migrations("<default>", Optional.empty(), false).clean());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> migrations("<default>", Optional.of(true), false).clean());
        assertEquals("ving will not clean the default datasource: quarkus.ving.clean-disabled is true. Clean drops every"
                + " table; set quarkus.ving.clean-disabled=false to allow it.", e.getMessage());
    }

    private static final class NoMigrations implements MigrationSource {
        @Override
        public List<MigrationFile> migrations() {
            return List.of();
        }

        @Override
        public String location() {
            return "classpath:none";
        }

        @Override
        public String locationOf(MigrationFile migration) {
            return location();
        }
    }

    private record Settings(Optional<Boolean> cleanDisabled) implements VingRuntimeConfig.DataSource {
        @Override
        public boolean migrateAtStart() {
            return false;
        }

        @Override
        public boolean validateAtStart() {
            return false;
        }

        @Override
        public boolean repairAtStart() {
            return false;
        }

        @Override
        public boolean baselineAtStart() {
            return false;
        }

        @Override
        public Optional<String> baselineVersion() {
            return Optional.empty();
        }

        @Override
        public boolean cleanAtStart() {
            return true;
        }

        @Override
        public Duration lockTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public VingDb.StreamMechanism stream() {
            return VingDb.StreamMechanism.JDBC;
        }
    }
}
