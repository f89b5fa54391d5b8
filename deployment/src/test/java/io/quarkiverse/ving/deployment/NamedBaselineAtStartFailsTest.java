package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** baseline-at-start without baseline-version: the start-up stops naming the key, before anything is written. */
class NamedBaselineAtStartFailsTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_baseline_fails");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.orders, "create table orders (id bigint not null primary key)");
    })
            .overrideConfigKey("quarkus.ving.\"orders\".baseline-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .assertException(e -> {
                String message = TwoDatasources.messageWith(e, "baseline-version");
                assertEquals("ving cannot baseline datasource \"orders\" without quarkus.ving.\"orders\".baseline-version: set"
                        + " it to the newest migration the existing database already has.", message);
                assertEquals(List.of("orders"), TwoDatasources.tables(DATABASES.orders), "nothing written");
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application should not have started");
    }
}
