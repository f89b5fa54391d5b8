package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A malformed VING_MYSQL stops the application at start-up, saying what is wrong and never the password. */
class MalformedVingMysqlTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("VING_MYSQL", "mysql://root:topsecret@127.0.0.1:3306")
            .assertException(e -> {
                Throwable cause = e;
                while (cause.getCause() != null && !cause.getMessage().contains("VING_MYSQL")) {
                    cause = cause.getCause();
                }
                assertTrue(cause.getMessage().contains("VING_MYSQL is not a valid connection URL: it names no database"),
                        cause.getMessage());
                assertFalse(cause.getMessage().contains("topsecret"), cause.getMessage());
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application should not have started");
    }
}
