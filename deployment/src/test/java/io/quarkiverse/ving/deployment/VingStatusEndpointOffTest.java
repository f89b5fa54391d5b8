package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The status endpoint is opt-in: without quarkus.ving.status-endpoint.enabled the application has no /q/ving. */
class VingStatusEndpointOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.ving.devservices.enabled", "false");

    @Test
    void thereIsNoStatusEndpoint() {
        given().get("/q/ving").then().statusCode(404);
    }
}
