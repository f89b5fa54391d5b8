package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkiverse.ving.record.DescribeOptions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import ving.drizzle.schema.APIKeyTable;
import ving.drizzle.schema.UserTable;
import ving.record.APIKey;
import ving.record.APIKeys;
import ving.record.User;
import ving.record.Users;

/**
 * ving's {@code ving/tests/APIKey.vingrecord.test.mjs}, case by case and in its order, against MariaDB's default sql_mode.
 * ving's file comments out its last cases (a key described to its owner with its user, and the keys deleted with their
 * user); they are ported too, after the others, as they say what ving means its records to do.
 */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_apikey_vingrecord"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeyVingRecordTest {

    @Inject
    APIKeys apikeys;

    @Inject
    Users users;

    private User user;
    private APIKey apikey;

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    @BeforeAll
    void userAndKey() {
        await(apikeys.delete().where(eq(APIKeyTable.name, "Test")).execute());
        await(users.delete().where(eq(UserTable.username, "guardMert")).execute());
        user = await(users.create(Map.of("username", "guardMert", "email", "Mert@shawshank.jail", "realName", "Mert")));
        apikey = apikeys.mint(Map.of("name", "Test", "userId", user.get("id")));
    }

    @Test
    @Order(1)
    @DisplayName("can set relation")
    void canSetRelation() {
        assertEquals(user.get("id"), apikey.get("userId"));
    }

    @Test
    @Order(2)
    @DisplayName("privateKey generated")
    void privateKeyGenerated() {
        assertTrue(((String) apikey.get("privateKey")).startsWith("pk_"), (String) apikey.get("privateKey"));
    }

    @Test
    @Order(3)
    @DisplayName("can save key")
    void canSaveKey() {
        await(apikey.insert());
        assertTrue(apikey.isInserted());
    }

    @Test
    @Order(4)
    @DisplayName("user can reference their keys")
    void userCanReferenceTheirKeys() {
        APIKey userKey = (APIKey) await(user.children("apikeys").findOne(null));
        assertEquals(apikey.get("id"), userKey.get("id"));
    }

    @Test
    @Order(5)
    @DisplayName("key describe itself to owner")
    void keyDescribeItselfToOwner() {
        Map<String, Object> description = await(apikey.describe(DescribeOptions.as(user).withRelated("user").withLinks()
                .withOptions()));
        assertNotNull(((Map<?, ?>) description.get("props")).get("privateKey"));
        assertNotNull(((Map<?, ?>) description.get("links")).get("user"));
        assertNotNull(description.get("options"));
        Map<?, ?> related = (Map<?, ?>) description.get("related");
        assertEquals("guardMert", ((Map<?, ?>) ((Map<?, ?>) related.get("user")).get("props")).get("username"));
    }

    @Test
    @Order(6)
    @DisplayName("cascade: deleting user deletes keys")
    void cascadeDeletingUserDeletesKeys() {
        await(user.delete());
        assertEquals(0L, await(apikeys.count(eq(APIKeyTable.name, "Test"))));
    }
}
