package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.runtime.VingRuntimeConfig;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code VING_MYSQL} is parsed once per start, by the configuration, which maps it to keys like any others: the
 * datasource's, and {@code quarkus.ving.log-statements} for {@code ?log=yes}. Counted by the debug line
 * {@code VingMysql.parse} logs.
 */
class VingMysqlParsedOnceTest {

    /** Held, so that the level set here stays: the configuration is built before the application's log settings apply. */
    private static final Logger CONFIG_LOG = Logger.getLogger("io.quarkiverse.ving.connection.VingMysql");

    static {
        CONFIG_LOG.setLevel(Level.FINE);
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(TestApps.class))
            // a database name of its own: the value is parsed once per process, and another test may have used another
            .overrideConfigKey("VING_MYSQL", "mysql://root@" + TestDatabase.HOST + "/ving_parsed_once_test?log=yes")
            .overrideConfigKey("quarkus.ving.check-migrations", "off")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.ving"))
            // checked once the application has stopped. This test builds and starts the application in one process:
            // the build's configuration parses the setting once, the start's once (a separate class loader), and
            // the rest of the start reads keys; a parse anywhere else (the recorder, the producer) would make it 3
            .assertLogRecords(records -> assertEquals(2, records.stream()
                    .filter(record -> record.getMessage() != null && record.getMessage().startsWith("Parsed VING_MYSQL"))
                    .count(), "parsed once by the build, once by the start"));

    @Inject
    VingRuntimeConfig config;

    @Test
    void theSettingIsParsedOnceAndItsLogFlagIsAKey() {
        assertTrue(config.logStatements(), "?log=yes as quarkus.ving.log-statements");
    }
}
