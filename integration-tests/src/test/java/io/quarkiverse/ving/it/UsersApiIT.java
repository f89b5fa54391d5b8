package io.quarkiverse.ving.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The packaged application (the jar, or with -Dnative the native executable) migrated at start and serving users
 * over HTTP: records, NDJSON streaming, ving's errors and Hibernate Reactive, all from outside the process.
 */
@QuarkusIntegrationTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_users_api"))
class UsersApiIT {

    private static long create(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@example.com", "realName", "Real " + username,
                        "bio", "about " + username))
                .when().post("/users")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void usersLiveThroughTheirWholeLifeOverHttp() {
        long ann = create("ann");
        long bob = create("bob");
        given().get("/users/count").then().statusCode(200).body(equalTo("2"));
        given().queryParam("realName", "Real b%").get("/users/count").then().body(equalTo("1"));

        given().get("/users/" + ann).then().statusCode(200).body("id", equalTo((int) ann)).body("bio", equalTo("about ann"))
                .body("email", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("bio", "changed")).put("/users/" + bob)
                .then().statusCode(200).body("bio", equalTo("changed"));
        given().get("/users/" + bob + "/hibernate").then().statusCode(200).body("bio", equalTo("changed"));

        String stream = given().accept("application/x-ndjson").get("/users").then().statusCode(200).extract().asString();
        List<Long> ids = stream.lines().filter(line -> !line.isBlank()).map(line -> JsonPath.from(line).getLong("id")).toList();
        assertEquals(List.of(ann, bob), ids);

        given().delete("/users/" + ann).then().statusCode(204);
        given().get("/users/" + ann).then().statusCode(404).body("code", equalTo(404)).body("message", equalTo("User not found."));
        given().get("/users/" + ann + "/hibernate").then().statusCode(404);
        given().delete("/users/" + bob).then().statusCode(204);
    }

    @Test
    void valuesTheSchemaRefusesAreVingsErrors() {
        given().contentType(ContentType.JSON).body(Map.of("username", "x".repeat(61), "email", "long@example.com"))
                .post("/users").then().statusCode(400).body("code", equalTo(442)).body("field", equalTo("username"))
                .body("message", equalTo("User.username must be at most 60 characters long, not 61."));
        given().contentType(ContentType.JSON).body(Map.of("username", "nomail", "email", ""))
                .post("/users").then().statusCode(400).body("code", equalTo(441)).body("message", equalTo("User.email is required."));
        given().get("/users/count").then().body(equalTo("0"));
    }
}
