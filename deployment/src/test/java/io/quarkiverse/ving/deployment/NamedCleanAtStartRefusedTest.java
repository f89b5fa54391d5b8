package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** clean-at-start with clean-disabled: the start-up stops naming the key, and nothing is dropped. */
class NamedCleanAtStartRefusedTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_clean_refused");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.billing, "create table precious (id int)");
    })
            .overrideConfigKey("quarkus.ving.\"billing\".clean-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".clean-disabled", "true")
            .assertException(e -> {
                String message = TwoDatasources.messageWith(e, "ving could not prepare");
                assertEquals("ving could not prepare datasource \"billing\" at start: ving will not clean datasource"
                        + " \"billing\": quarkus.ving.\"billing\".clean-disabled is true. Clean drops every table; set"
                        + " quarkus.ving.\"billing\".clean-disabled=false to allow it.", message);
                assertEquals(List.of("precious"), TwoDatasources.tables(DATABASES.billing), "nothing dropped");
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application should not have started");
    }
}
