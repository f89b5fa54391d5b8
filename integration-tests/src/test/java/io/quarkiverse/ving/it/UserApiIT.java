package io.quarkiverse.ving.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
 * The packaged application (with -Dnative the native executable) serving users in ving's REST shape, as a visitor
 * asks: descriptions with string ids, links, meta and options, a page of a list, the NDJSON export, and the refusals.
 */
@QuarkusIntegrationTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_user_api_packaged"))
class UserApiIT {

    private static String create(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@shawshank.jail", "realName", "Real " + username))
                .when().post("/api/v1/users?includeMeta=true")
                .then().statusCode(200).body("meta.displayName", equalTo(username)).extract().path("props.id");
    }

    @Test
    void aVisitorSeesWhatTheSchemaMakesPublic() {
        String brooks = create("brooks");
        create("andy");
        given().get("/api/v1/users/" + brooks + "?includeLinks=true&includeMeta=true&includeOptions=true").then()
                .statusCode(200)
                .body("props.id", equalTo(brooks)).body("props.bio", equalTo("")).body("props", not(hasKey("email")))
                .body("links.base.href", equalTo("/api/v1/user")).body("links.self.href", equalTo("/api/v1/user/" + brooks))
                .body("meta.isOwner", equalTo(false))
                .body("meta.acceptedFileExtensions.avatar", equalTo(List.of("png", "jpeg", "jpg", "gif")))
                .body("options", equalTo(Map.of()));
        given().get("/api/v1/users/options").then().statusCode(200).body("useAsDisplayName.size()", equalTo(3));
        given().get("/api/v1/users?itemsPerPage=1&sortBy=username").then().statusCode(200)
                .body("paging.totalItems", equalTo(2)).body("paging.totalPages", equalTo(2)).body("items.size()", equalTo(1));

        String export = given().accept("application/x-ndjson").get("/api/v1/users/export").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of(brooks), export.lines().filter(line -> !line.isBlank()).limit(1)
                .map(line -> JsonPath.from(line).getString("props.id")).toList());

        given().contentType(ContentType.JSON).body(Map.of("realName", "Hijacked")).put("/api/v1/users/" + brooks).then()
                .statusCode(403).body("message", equalTo("You do not have the privileges to access User."));
        given().contentType(ContentType.JSON).body(Map.of("email", "red@shawshank.jail", "realName", "Red"))
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo(441))
                .body("message", equalTo("User.username is required."));
        given().get("/api/v1/users/vNoSuchUser").then().statusCode(404);
    }
}
