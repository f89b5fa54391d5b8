package io.quarkiverse.ving.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ving.record.User;
import ving.record.Users;

/** {@code GET /users}: a {@code Multi<User>} from findAll, streamed as newline-delimited JSON. */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_users_resource"))
class UsersResourceTest {

    @Inject
    Users users;

    private final List<User> created = new java.util.ArrayList<>();

    @BeforeEach
    void threeUsers() {
        users.deleteMany(null).await().atMost(Duration.ofSeconds(10));
        created.clear();
        for (String name : List.of("ann", "bob", "fred")) {
            created.add(users.create(Map.of("username", name, "email", name + "@example.com", "realName", "Fred " + name,
                    "bio", "I am " + name, "password", "secret-hash-of-" + name)).await().atMost(Duration.ofSeconds(10)));
        }
    }

    @Test
    void everyUserIsALineOfJson() {
        String body = given().accept("application/x-ndjson").when().get("/users")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(3, lines.size(), body);
        for (int i = 0; i < 3; i++) {
            JsonPath user = JsonPath.from(lines.get(i));
            assertEquals(created.get(i).getId(), user.getLong("id"));
            assertEquals(created.get(i).getBio(), user.getString("bio"));
            assertTrue(user.getString("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), user.getString("createdAt"));
        }
    }

    @Test
    void aLineShowsOnlyThePublicProps() {
        String body = given().when().get("/users").then().statusCode(200).extract().asString();
        Map<String, Object> first = JsonPath.from(body.lines().findFirst().orElseThrow()).getMap("");
        assertEquals(List.of("id", "createdAt", "updatedAt", "bio", "avatarId"), List.copyOf(first.keySet()));
        assertFalse(body.contains("secret-hash-of-"), "a password never leaves the server: " + body);
        assertFalse(body.contains("@example.com"), "the schema keeps email private: " + body);
    }

    @Test
    void theQueryNarrowsTheStream() {
        String body = given().queryParam("realName", "Fred b%").when().get("/users").then().statusCode(200).extract().asString();
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(1, lines.size(), body);
        assertEquals(created.get(1).getId(), JsonPath.from(lines.get(0)).getLong("id"));
    }
}
