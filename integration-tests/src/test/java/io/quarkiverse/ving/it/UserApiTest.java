package io.quarkiverse.ving.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.VingIds;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import ving.record.APIKey;
import ving.record.APIKeys;
import ving.record.User;
import ving.record.Users;

/**
 * {@link UserApi}, ving's REST shape, asked by three users: the owner (brooks), an admin (the warden) and a visitor;
 * the cases of ving's {@code user.api.test.mjs} and {@code users.api.test.mjs} first, by their names (logging in
 * with a password is ving's session service, not the record layer's: an API key stands for the session here).
 */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_user_api"))
class UserApiTest {

    @Inject
    Users users;

    @Inject
    APIKeys apikeys;

    private String brooks;
    private String brooksKey;
    private String wardenKey;
    private String heywoodKey;

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    @BeforeEach
    void people() {
        await(apikeys.deleteMany(null));
        await(users.deleteMany(null));
        brooks = given().contentType("application/json").body(Map.of("username", "brooks", "realName", "Brooks Hatlen",
                "email", "brooks@shawshank.jail", "password", "Rock Hammer"))
                .when().post("/api/v1/users?includeMeta=true").then().statusCode(200).extract().path("props.id");
        brooksKey = keyOf(await(users.findOrDie(brooks)));
        User warden = await(users.create(Map.of("username", "warden", "email", "warden@shawshank.jail", "realName", "Samuel Norton")));
        warden.setAdmin(true);
        await(warden.update());
        wardenKey = keyOf(warden);
        heywoodKey = keyOf(await(users.create(Map.of("username", "heywood", "email", "heywood@shawshank.jail", "realName", "Heywood"))));
    }

    private String keyOf(User user) {
        APIKey key = await(apikeys.create(Map.of("name", "tests", "url", "https://example.com", "userId", user.getId())));
        return key.getPrivateKey();
    }

    private static RequestSpecification as(String key) {
        return key == null ? given() : given().header("Authorization", "Bearer " + key);
    }

    @Test
    @DisplayName("create user")
    void createUser() {
        JsonPath created = given().contentType("application/json").body(Map.of("username", "andy", "realName", "Andy Dufresne",
                "email", "andy@shawshank.jail")).when().post("/api/v1/users?includeMeta=true").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("andy", created.getString("meta.displayName"));
        assertEquals("no-password-specified", await(users.findOrDie(created.getString("props.id"))).getPassword(),
                "a posted password is not a prop anyone may edit");
    }

    @Test
    @DisplayName("get user")
    void getUser() {
        as(brooksKey).when().get("/api/v1/users/" + brooks + "?includeLinks=true&includeMeta=true&includeOptions=true")
                .then().statusCode(200)
                .body("props.username", equalTo("brooks"))
                .body("links.base.href", equalTo("/api/v1/user"))
                .body("links.self.href", equalTo("/api/v1/user/" + brooks))
                .body("meta.displayName", equalTo("brooks"))
                .body("meta.isOwner", equalTo(true))
                .body("meta.kind", equalTo("User"))
                .body("meta.acceptedFileExtensions.avatar", equalTo(List.of("png", "jpeg", "jpg", "gif")))
                .body("links.avatar.href", equalTo("/api/v1/user/" + brooks + "/avatar"))
                .body("options.useAsDisplayName.size()", equalTo(3));
    }

    @Test
    @DisplayName("get options")
    void getOptions() {
        as(brooksKey).when().get("/api/v1/users/options").then().statusCode(200)
                .body("useAsDisplayName.size()", equalTo(3))
                .body("useAsDisplayName[1].label", equalTo("Email Address"));
    }

    @Test
    @DisplayName("put user")
    void putUser() {
        as(brooksKey).contentType("application/json").body(Map.of("useAsDisplayName", "email"))
                .when().put("/api/v1/users/" + brooks + "?includeMeta=true").then().statusCode(200)
                .body("meta.displayName", equalTo("brooks@shawshank.jail"));
    }

    @Test
    @DisplayName("delete user")
    void deleteUser() {
        as(brooksKey).when().delete("/api/v1/users/" + brooks + "?includeMeta=true").then().statusCode(200)
                .body("meta.deleted", equalTo(true));
        as(wardenKey).when().get("/api/v1/users/" + brooks).then().statusCode(404).body("message", equalTo("User not found."));
    }

    @Test
    void eachAskerSeesWhatTheSchemaLetsThemSee() {
        as(null).when().get("/api/v1/users/" + brooks + "?includeMeta=true").then().statusCode(200)
                .body("props", not(hasKey("username"))).body("props", not(hasKey("email")))
                .body("props.bio", equalTo("")).body("meta.isOwner", equalTo(false));
        as(heywoodKey).when().get("/api/v1/users/" + brooks).then().statusCode(200)
                .body("props", not(hasKey("email")));
        as(wardenKey).when().get("/api/v1/users/" + brooks + "?includeMeta=true").then().statusCode(200)
                .body("props.email", equalTo("brooks@shawshank.jail")).body("props.admin", equalTo(false))
                .body("props", not(hasKey("password"))).body("meta.isOwner", equalTo(true));
    }

    @Test
    void onlyTheOwnerOrAnAdminMayChangeAUser() {
        for (String stranger : new String[] { null, heywoodKey }) {
            as(stranger).contentType("application/json").body(Map.of("realName", "Hijacked"))
                    .when().put("/api/v1/users/" + brooks).then().statusCode(403)
                    .body("code", equalTo(403)).body("message", equalTo("You do not have the privileges to access User."));
            as(stranger).when().delete("/api/v1/users/" + brooks).then().statusCode(403);
        }
        assertEquals("Brooks Hatlen", await(users.findOrDie(brooks)).getRealName(), "nothing written");
        as(brooksKey).contentType("application/json").body(Map.of("admin", true)).when().put("/api/v1/users/" + brooks)
                .then().statusCode(200);
        assertEquals(false, await(users.findOrDie(brooks)).getAdmin(), "admin is the admins' to set");
        as(wardenKey).contentType("application/json").body(Map.of("admin", true, "realName", "Brooks H."))
                .when().put("/api/v1/users/" + brooks).then().statusCode(200).body("props.realName", equalTo("Brooks H."));
        assertEquals(true, await(users.findOrDie(brooks)).getAdmin());
    }

    @Test
    void badInputIsAnOuchAndChangesNothing() {
        as(brooksKey).contentType("application/json").body(Map.of("username", "warden")).when().put("/api/v1/users/" + brooks)
                .then().statusCode(409).body("message", equalTo("User.username must be unique, but warden has already been used."))
                .body("field", equalTo("username"));
        as(brooksKey).contentType("application/json").body(Map.of("username", "")).when().put("/api/v1/users/" + brooks)
                .then().statusCode(400).body("code", equalTo(441)).body("message", equalTo("User.username is required."));
        given().contentType("application/json").body(Map.of("email", "red@shawshank.jail", "realName", "Red"))
                .when().post("/api/v1/users").then().statusCode(400).body("code", equalTo(441));
        as("pk_nobody").when().get("/api/v1/users/" + brooks).then().statusCode(401);
        assertEquals("brooks", await(users.findOrDie(brooks)).getUsername());
        assertEquals(3L, await(users.count(null)));
    }

    @Test
    void theListPagesAndDescribesAsTheAskerMaySee() {
        JsonPath page = as(wardenKey).when().get("/api/v1/users?itemsPerPage=2&page=2&sortBy=username&includeMeta=true")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("page", 2, "nextPage", 2, "previousPage", 1, "itemsPerPage", 2, "totalItems", 3, "totalPages", 2),
                page.getMap("paging"));
        assertEquals(List.of("warden"), page.getList("items.props.username"));
        as(null).when().get("/api/v1/users?sortBy=username").then().statusCode(200)
                .body("items[0].props", not(hasKey("username"))).body("items[0].meta", nullValue());
        as(null).when().get("/api/v1/users?sortBy=nickname").then().statusCode(400);
    }

    @Test
    void theExportStreamsOneDescriptionPerLine() {
        String body = as(wardenKey).accept("application/x-ndjson").when().get("/api/v1/users/export?includeMeta=true")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(3, lines.size(), body);
        assertEquals(List.of("brooks", "warden", "heywood"), lines.stream().map(line -> JsonPath.from(line).getString("props.username")).toList());
        assertEquals(VingIds.stringify(await(users.findOrDie(brooks)).getId()), JsonPath.from(lines.get(0)).getString("props.id"));
        String visitor = as(null).accept("application/x-ndjson").when().get("/api/v1/users/export").then().statusCode(200)
                .extract().asString();
        assertEquals(3, visitor.lines().filter(line -> !line.isBlank()).count());
        visitor.lines().filter(line -> !line.isBlank())
                .forEach(line -> assertNull(JsonPath.from(line).getString("props.email"), line));
    }
}
