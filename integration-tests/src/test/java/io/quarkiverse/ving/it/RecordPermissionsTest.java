package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.DescribeOptions;
import io.quarkiverse.ving.record.ListParams;
import io.quarkiverse.ving.record.Ouch;
import io.quarkiverse.ving.record.VingIds;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import ving.drizzle.schema.UserTable;
import ving.record.APIKey;
import ving.record.APIKeys;
import ving.record.User;
import ving.record.Users;

/**
 * Who may change what, and bad posted input: each refusal a ving Ouch with ving's code, a message naming kind and
 * prop, and nothing written or set.
 */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_record_permissions"))
class RecordPermissionsTest {

    @Inject
    Users users;

    @Inject
    APIKeys apikeys;

    private User andy;
    private User bea;
    private User admin;

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    @BeforeEach
    void people() {
        await(apikeys.deleteMany(null));
        await(users.deleteMany(null));
        andy = create("andy");
        bea = create("bea");
        admin = create("root");
        admin.setAdmin(true);
        await(admin.update());
    }

    private User create(String name) {
        return await(users.create(Map.of("username", name, "email", name + "@example.com", "realName", name.toUpperCase())));
    }

    private Map<String, Object> row(User user) {
        return await(users.find(user.getId())).getAll();
    }

    private static Ouch refused(Uni<?> work) {
        return assertThrows(Ouch.class, () -> await(work));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAndNothingIsSet() {
        Map<String, Object> before = row(andy);
        Ouch ouch = refused(andy.updateAndVerify(Map.of("realName", "Andy New", "admin", "yes"), admin));
        assertEquals(442, ouch.code());
        assertEquals("User.admin must be a boolean, not a String.", ouch.getMessage());
        assertEquals("admin", ouch.field());
        assertEquals("ANDY", andy.getRealName(), "the valid prop posted with it is not set either");
        assertEquals(before, row(andy));
    }

    @Test
    void anEmptiedRequiredPropIsRefused() {
        Ouch ouch = refused(andy.updateAndVerify(Map.of("username", ""), andy));
        assertEquals(441, ouch.code());
        assertEquals("User.username is required.", ouch.getMessage());
        assertEquals("andy", row(andy).get("username"));
    }

    @Test
    void aMissingRequiredPropStopsACreate() {
        Ouch ouch = refused(users.createAndVerify(Map.of("email", "cy@example.com", "realName", "Cy"), null));
        assertEquals(441, ouch.code());
        assertEquals("User.username is required.", ouch.getMessage());
        assertEquals(0L, await(users.count(eq(UserTable.email, "cy@example.com"))));
    }

    @Test
    void aDuplicateOfAUniquePropIsAConflict() {
        Ouch ouch = refused(andy.updateAndVerify(Map.of("username", "bea", "realName", "Not Bea"), andy));
        assertEquals(409, ouch.code());
        assertEquals("User.username must be unique, but bea has already been used.", ouch.getMessage());
        assertEquals("andy", andy.getUsername());
        assertEquals("ANDY", row(andy).get("realName"));
        ouch = refused(users.createAndVerify(Map.of("username", "andy", "email", "x@example.com", "realName", "X"), null));
        assertEquals(409, ouch.code());
        assertEquals(3L, await(users.count(null)));
    }

    @Test
    void aRecordMayCarryItsOwnUniqueValue() {
        await(andy.updateAndVerify(Map.of("username", "andy", "realName", "Andy Again"), andy));
        assertEquals("Andy Again", row(andy).get("realName"));
    }

    @Test
    void aNonOwnerCannotEdit() {
        Ouch ouch = refused(andy.canEdit(bea));
        assertEquals(403, ouch.code());
        assertEquals("You do not have the privileges to access User.", ouch.getMessage());
        assertTrue(await(andy.canEdit(admin)), "an admin owns every user");
        // posted by a non-owner, the owner's props are skipped, as ving skips them
        Map<String, Object> before = row(andy);
        await(andy.updateAndVerify(Map.of("realName", "Hijacked"), bea));
        assertEquals(before.get("realName"), row(andy).get("realName"));
    }

    @Test
    void propsTheUserMayNotEditOrThatTheKindLacksAreSkipped() {
        await(andy.updateAndVerify(Map.of("admin", true, "password", "x", "nickname", "Andy", "bio", "Hi"), andy));
        Map<String, Object> now = row(andy);
        assertEquals(false, now.get("admin"), "admin is edited by admins only");
        assertEquals("no-password-specified", now.get("password"), "nobody edits the password prop");
        assertEquals("Hi", now.get("bio"));
        await(andy.updateAndVerify(Map.of("admin", true), admin));
        assertEquals(true, row(andy).get("admin"));
    }

    @Test
    void reParentingNeedsTheRightToEditTheNewParent() {
        APIKey key = await(apikeys.createAndVerify(Map.of("name", "ci", "url", "https://ci.example.com", "userId",
                andy.getId()), andy));
        assertEquals(andy.getId(), key.getUserId());
        Ouch ouch = refused(key.updateAndVerify(Map.of("userId", bea.getId()), andy));
        assertEquals(403, ouch.code());
        assertEquals("APIKey.userId cannot point at that User: you do not have the privileges to access User.",
                ouch.getMessage());
        assertEquals("userId", ouch.field());
        ouch = refused(key.updateAndVerify(Map.of("userId", 987654321L), admin));
        assertEquals(404, ouch.code());
        assertEquals("APIKey.userId points at no User: User not found.", ouch.getMessage());
        assertEquals(andy.getId(), await(apikeys.find(key.getId())).getUserId(), "the key stays andy's");
        // a parent posted as ving's string id
        await(key.updateAndVerify(Map.of("userId", VingIds.stringify(andy.getId()), "reason", "builds"), admin));
        assertEquals("builds", await(apikeys.find(key.getId())).getReason());
    }

    @Test
    void parentsAreReadOnceUntilFlushedOrRepointed() {
        APIKey key = await(apikeys.create(Map.of("name", "ci", "url", "https://ci.example.com", "userId", andy.getId())));
        User parent = (User) await(key.parent("user"));
        assertEquals("andy", parent.getUsername());
        assertEquals(parent, await(key.parent("user")), "the same record, not read again");
        key.set("userId", bea.getId());
        assertEquals("bea", ((User) await(key.parent("user"))).getUsername(), "setting the prop forgets the parent");
        User cached = (User) await(key.parent("user"));
        key.flushParentCache();
        assertFalse(cached == await(key.parent("user")), "read again after a flush");
        assertEquals("userId", key.parentPropSchema("user").name());
        Ouch ouch = assertThrows(Ouch.class, () -> key.parentPropSchema("owner"));
        assertEquals(404, ouch.code());
        assertEquals("APIKey has no parent relation named owner.", ouch.getMessage());
    }

    @Test
    void aCopyHasNoIdAndANewCreatedAt() {
        andy.set("createdAt", java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
        User copy = andy.copy();
        assertNull(copy.getId());
        assertFalse(copy.isInserted());
        assertEquals(andy.getRealName(), copy.getRealName());
        assertTrue(copy.getCreatedAt().getYear() > 2020, "the schema's default, now: " + copy.getCreatedAt());
        assertEquals(409, refused(andy.insert()).code(), "a record is inserted once");
    }

    @Test
    void keysAreUniqueWithinTheirUser() {
        await(apikeys.createAndVerify(Map.of("name", "ci", "url", "https://a.example.com", "userId", andy.getId()), andy));
        await(apikeys.createAndVerify(Map.of("name", "ci", "url", "https://b.example.com", "userId", bea.getId()), bea));
        Ouch ouch = refused(apikeys.createAndVerify(Map.of("name", "ci", "url", "https://c.example.com", "userId",
                andy.getId()), andy));
        assertEquals(409, ouch.code());
        assertEquals("APIKey.name must be unique, but ci has already been used.", ouch.getMessage());
    }

    @Test
    void stringIdsFindRecordsAndDescribeThem() {
        String id = VingIds.stringify(andy.getId());
        assertEquals(andy.getId(), await(users.findOrDie(id)).getId());
        assertNull(await(users.find("vNoSuchId")));
        assertEquals(404, refused(users.findOrDie("not an id")).code());
        Map<String, Object> description = await(andy.describe(DescribeOptions.VISITOR));
        assertEquals(id, ((Map<?, ?>) description.get("props")).get("id"));
    }

    @Test
    void describeListPagesAsVingDoes() {
        for (int i = 0; i < 12; i++) {
            create("user" + i);
        }
        Map<String, Object> page = await(users.describeList(ListParams.FIRST_PAGE.itemsPerPage(5).page(2)
                .sortBy(false, "username").describedWith(DescribeOptions.as(admin)), null));
        Map<?, ?> paging = (Map<?, ?>) page.get("paging");
        assertEquals(Map.of("page", 2, "nextPage", 3, "previousPage", 1, "itemsPerPage", 5, "totalItems", 15L,
                "totalPages", 3L), paging);
        List<?> items = (List<?>) page.get("items");
        assertEquals(List.of("user10", "user11", "user2", "user3", "user4"),
                items.stream().map(item -> ((Map<?, ?>) ((Map<?, ?>) item).get("props")).get("username")).toList());
        // ving's params map, as a REST service gets it, and maxItems cutting the last page short
        Map<String, Object> params = new HashMap<>(Map.of("page", "3", "itemsPerPage", "5", "maxItems", 12, "sortBy",
                "username", "sortOrder", "desc"));
        page = await(users.describeList(params, null));
        assertEquals(2, ((List<?>) page.get("items")).size());
        assertEquals(3, ((Map<?, ?>) page.get("paging")).get("nextPage"), "the last page's next page is itself");
        Ouch ouch = refused(users.describeList(Map.of("sortBy", "nickname"), null));
        assertEquals("User has no prop named nickname to sort by.", ouch.getMessage());
        assertFalse(((Map<?, ?>) ((Map<?, ?>) ((List<?>) await(users.describeList(Map.of(), null)).get("items")).get(0))
                .get("props")).containsKey("email"), "described to a visitor by default");
    }
}
