package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.migrate.ClasspathMigrations;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkus.test.QuarkusUnitTest;

/** {@code /q/health/ready} with quarkus-smallrye-health: not ready while a migration is pending, ready once applied. */
class VingReadinessTest {

    private static final String DATABASE = "ving_readiness_test";

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.appOnOwnDatabase(DATABASE);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void notReadyWhileAMigrationIsPendingThenReady() throws Exception {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("ving"))
                .body("checks.find { it.name == 'ving' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'ving' }.data.database", equalTo("reachable"))
                .body("checks.find { it.name == 'ving' }.data.pending", equalTo(1))
                .body("checks.find { it.name == 'ving' }.data.lastApplied", equalTo("none"));

        new Migrator(dataSource, new ClasspathMigrations(Thread.currentThread().getContextClassLoader(), "ving/migrations"),
                Duration.ofSeconds(10)).up();

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ving' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ving' }.data.pending", equalTo(0))
                .body("checks.find { it.name == 'ving' }.data.lastApplied", equalTo("0000_init"));
    }
}
