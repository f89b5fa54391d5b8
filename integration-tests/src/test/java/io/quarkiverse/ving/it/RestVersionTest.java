package io.quarkiverse.ving.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.VingIds;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ving.record.User;
import ving.record.Users;

/** {@code quarkus.ving.rest-version} names the API version in descriptions' links, as ving's {@code rest.version}. */
@QuarkusTest
@TestProfile(RestVersionTest.Version2.class)
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_rest_version"))
class RestVersionTest {

    public static class Version2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.ving.rest-version", "v2");
        }
    }

    @Inject
    Users users;

    @Test
    void linksNameTheConfiguredVersion() {
        User red = users.create(Map.of("username", "red", "email", "red@shawshank.jail", "realName", "Ellis Redding"))
                .await().atMost(Duration.ofSeconds(30));
        String id = VingIds.stringify(red.getId());
        given().when().get("/api/v1/users/" + id + "?includeLinks=true").then().statusCode(200)
                .body("links.base.href", equalTo("/api/v2/user"))
                .body("links.self.href", equalTo("/api/v2/user/" + id));
    }
}
