package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.desc;
import static io.quarkiverse.ving.sql.Orm.eq;
import static io.quarkiverse.ving.sql.Orm.like;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.ComputedDefaults;
import io.quarkiverse.ving.record.FindOptions;
import io.quarkiverse.ving.record.Kind;
import io.quarkiverse.ving.record.Kinds;
import io.quarkiverse.ving.record.Ouch;
import io.quarkiverse.ving.sql.QueryFailedException;
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

/** ving's record layer on the generated kinds of the reference schemas, against MariaDB. */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_records"))
class RecordsTest {

    @Inject
    Users users;

    @Inject
    APIKeys apikeys;

    @BeforeEach
    void empty() {
        await(apikeys.deleteMany(null));
        await(users.deleteMany(null));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    private User createUser(String username) {
        return await(users.create(Map.of("username", username, "email", username + "@example.com", "realName", "Fred " + username)));
    }

    @Test
    void mintAppliesTheSchemaDefaultsAndTheGivenProps() {
        User user = users.mint(Map.of("username", "joe"));
        assertNull(user.getId());
        assertEquals("joe", user.getUsername());
        assertEquals("no-password-specified", user.getPassword());
        assertEquals("username", user.getUseAsDisplayName());
        assertEquals(false, user.getAdmin());
        assertNotNull(user.getCreatedAt());
        assertEquals(user.getCreatedAt(), user.getUpdatedAt());
    }

    @Test
    void createInsertsAndFillsTheIdThenFindReadsItBack() {
        User joe = createUser("joe");
        assertNotNull(joe.getId());
        User found = await(users.find(joe.getId()));
        assertEquals(joe.getAll(), found.getAll());
        assertNull(await(users.find(joe.getId() + 1000)));
    }

    @Test
    void findOrDieFailsWithVingsNotFound() {
        Ouch ouch = assertThrows(Ouch.class, () -> await(users.findOrDie(987654L)));
        assertEquals(404, ouch.code());
        assertEquals("User not found.", ouch.getMessage());
    }

    @Test
    void findOneFindManyAndCounts() {
        createUser("ann");
        createUser("bob");
        createUser("cy");
        assertEquals("bob", await(users.findOne(eq(UserTable.username, "bob"))).getUsername());
        assertNull(await(users.findOne(eq(UserTable.username, "nobody"))));
        List<User> page = await(users.findMany(like(UserTable.realName, "Fred%"),
                FindOptions.orderBy(desc(UserTable.username)).withLimit(2).withOffset(1)));
        assertEquals(List.of("bob", "ann"), page.stream().map(User::getUsername).toList());
        assertEquals(3L, await(users.count(null)));
        assertEquals(1L, await(users.count(like(UserTable.username, "c%"))));
        assertEquals("ann", await(users.min(UserTable.username, null)));
        assertEquals("cy", await(users.max(UserTable.username, null)));
        long first = await(users.min(UserTable.id, null));
        assertEquals(BigDecimal.valueOf(3 * first + 3), await(users.sum(UserTable.id, null)));
        assertEquals(0, new BigDecimal(first + 1).compareTo(await(users.avg(UserTable.id, null))));
    }

    @Test
    void findAllStreamsRecords() {
        for (int i = 0; i < 25; i++) {
            createUser("user" + i);
        }
        List<User> all = users.findAll(like(UserTable.username, "user%"), FindOptions.orderBy(UserTable.id)).collect()
                .asList().await().atMost(Duration.ofSeconds(30));
        assertEquals(25, all.size());
        assertEquals("user0", all.get(0).getUsername());
        assertEquals(3, users.findAll(null).select().first(3).collect().asList().await().atMost(Duration.ofSeconds(30)).size());
    }

    @Test
    void setChecksTypeLengthEnumsAndRequired() {
        User user = users.mint();
        Ouch tooLong = assertThrows(Ouch.class, () -> user.setUsername("x".repeat(61)));
        assertEquals(442, tooLong.code());
        assertEquals("User.username must be at most 60 characters long, not 61.", tooLong.getMessage());
        assertEquals("username", tooLong.field());
        Ouch notAnEnum = assertThrows(Ouch.class, () -> user.set("useAsDisplayName", "nickname"));
        assertEquals("User.useAsDisplayName must be one of username, email, realName.", notAnEnum.getMessage());
        Ouch required = assertThrows(Ouch.class, () -> user.set("email", ""));
        assertEquals(441, required.code());
        assertEquals("User.email is required.", required.getMessage());
        Ouch wrongType = assertThrows(Ouch.class, () -> user.set("admin", "yes"));
        assertEquals("User.admin must be a boolean, not a String.", wrongType.getMessage());
        Ouch unknown = assertThrows(Ouch.class, () -> user.set("nickname", "x"));
        assertEquals("User has no prop named nickname.", unknown.getMessage());
        Ouch virtual = assertThrows(Ouch.class, () -> user.set("userId", 1L));
        assertTrue(virtual.getMessage().startsWith("User.userId is virtual"), virtual.getMessage());
        user.set("admin", true).set("avatarId", 3);
        assertEquals(true, user.getAdmin());
        assertEquals(3L, user.getAvatarId(), "an int widens to the id's Long");
    }

    @Test
    void setAllSetsEveryGivenPropButTheId() {
        User user = users.mint().setAll(Map.of("username", "sal", "realName", "Sal", "id", 99L));
        assertEquals("sal", user.getUsername());
        assertNull(user.getId());
        assertThrows(Ouch.class, () -> user.setAll(Map.of("email", "x".repeat(257))));
    }

    @Test
    void updateWritesTheRecordAndTouchesAutoUpdateDates() throws InterruptedException {
        User user = createUser("upd");
        User stale = await(users.find(user.getId()));
        Thread.sleep(1_100); // timestamps keep seconds
        user.setRealName("Updated Name");
        await(user.update());
        assertTrue(user.getUpdatedAt().isAfter(stale.getUpdatedAt()));
        await(stale.refresh());
        assertEquals("Updated Name", stale.getRealName());
        assertEquals(user.getUpdatedAt(), stale.getUpdatedAt());
    }

    @Test
    void deleteRemovesTheRowAndRefreshThenFailsWithNotFound() {
        User user = createUser("del");
        await(user.delete());
        assertNull(await(users.find(user.getId())));
        assertEquals(404, assertThrows(Ouch.class, () -> await(user.refresh())).code());
    }

    @Test
    void copyMintsANewRecordWithTheSameValues() {
        User original = createUser("orig");
        User copy = users.copy(original).set("username", "copy").set("email", "copy@example.com");
        assertNull(copy.getId());
        assertEquals(original.getRealName(), copy.getRealName());
        await(copy.insert());
        assertNotEquals(original.getId(), copy.getId());
    }

    @Test
    void childrenAreAKindScopedToTheParentAndParentFindsIt() {
        User owner = createUser("owner");
        User other = createUser("other");
        @SuppressWarnings("unchecked")
        Kind<APIKey> keys = (Kind<APIKey>) owner.children("apikeys");
        assertEquals(Map.of("userId", owner.getId()), keys.propDefaults());
        APIKey key = await(keys.create(Map.of("name", "ci", "url", "https://example.com")));
        assertEquals(owner.getId(), key.getUserId());
        assertTrue(key.getPrivateKey().matches("pk_[0-9a-f]{36}"), key.getPrivateKey());
        await(apikeys.create(Map.of("name", "theirs", "url", "https://example.com", "userId", other.getId())));

        assertEquals(1L, await(keys.count(null)));
        assertEquals(List.of("ci"), await(keys.findMany(null)).stream().map(APIKey::getName).toList());
        assertEquals(2L, await(apikeys.count(null)));
        User parent = (User) await(key.parent("user"));
        assertEquals("owner", parent.getUsername());
        assertNull(await(owner.parent("avatar")), "no avatar set");

        assertEquals(1L, await(keys.deleteMany(null)), "deleteMany stays within the scope");
        assertEquals(1L, await(apikeys.count(eq(APIKeyTable.userId, other.getId()))));
        IllegalArgumentException noSuch = assertThrows(IllegalArgumentException.class, () -> owner.children("friends"));
        assertEquals("User has no child relation named friends; it has [apikeys, s3files]", noSuch.getMessage());
    }

    @Test
    void aComputedDefaultWithoutAProviderIsAClearError() {
        ComputedDefaults.unregister("APIKey", "privateKey");
        try {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> apikeys.mint());
            assertEquals("APIKey.privateKey has a computed default, () => 'pk_' + crypto.randomBytes(18).toString('hex'), "
                    + "and no provider for it: register one at startup with ComputedDefaults.register(\"APIKey\", "
                    + "\"privateKey\", () -> …)", error.getMessage());
        } finally {
            new ApiKeyDefaults().register(null);
        }
    }

    @Test
    void useKindFindsTheKindByName() {
        Users found = Kinds.useKind("User");
        assertSame(users.getClass(), found.getClass());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Kinds.useKind("Widget"));
        assertEquals("No kind named Widget; the kinds are [APIKey, CronJob, S3File, User]", unknown.getMessage());
        assertFalse(found.model().props().isEmpty());
    }

    @Test
    void aRecordWithoutAnIdCannotBeUpdatedDeletedOrRefreshed() {
        User unsaved = users.mint(Map.of("username", "new"));
        assertEquals("Cannot update a User that has no id: insert it first",
                assertThrows(IllegalStateException.class, unsaved::update).getMessage());
        assertThrows(IllegalStateException.class, unsaved::delete);
        assertThrows(IllegalStateException.class, unsaved::refresh);
        assertThrows(IllegalStateException.class, () -> unsaved.children("apikeys"));
    }

    @Test
    void aRecordMadeWithNewHasNoDatabaseUntilItsKindCopiesIt() {
        User made = new User();
        made.setUsername("made");
        IllegalStateException error = assertThrows(IllegalStateException.class, made::insert);
        assertTrue(error.getMessage().startsWith("This User was not made by its kind"), error.getMessage());
        User bound = users.copy(made);
        bound.setEmail("made@example.com");
        await(bound.insert());
        assertEquals("made", await(users.findOrDie(bound.getId())).getUsername());
    }

    @Test
    void theKindsBuildersWorkOnItsTableAndCalcWhereAddsItsScope() {
        User owner = createUser("owner");
        assertSame(UserTable.TABLE, users.table());
        await(users.insert().values(Map.of(UserTable.username, "raw", UserTable.email, "raw@example.com",
                UserTable.realName, "Raw Insert", UserTable.bio, "")).execute());
        assertEquals(1, await(users.update().set(Map.of(UserTable.bio, "updated")).where(eq(UserTable.username, "raw"))
                .execute()).affectedRows());
        assertEquals("updated", await(users.select().where(eq(UserTable.username, "raw")).execute()).get(0).get(UserTable.bio));
        assertEquals(1, await(users.delete().where(eq(UserTable.username, "raw")).execute()).affectedRows());

        @SuppressWarnings("unchecked")
        Kind<APIKey> keys = (Kind<APIKey>) owner.children("apikeys");
        await(keys.create(Map.of("name", "mine", "url", "https://example.com")));
        assertEquals(List.of("mine"), await(apikeys.select().where(keys.calcWhere(like(APIKeyTable.name, "m%"))).execute())
                .stream().map(row -> row.get(APIKeyTable.name)).toList());
        assertEquals(0, await(apikeys.select().where(keys.calcWhere(like(APIKeyTable.name, "x%"))).execute()).size());
        assertEquals(1L, await(keys.count(APIKeyTable.reason, null)), "count of a column counts its non-null values");
    }

    @Test
    void aScopeIsCheckedLikeAnyValue() {
        Ouch wrongType = assertThrows(Ouch.class, () -> apikeys.scopedTo(Map.of("userId", "seven")));
        assertEquals(442, wrongType.code());
        assertEquals("userId", wrongType.field());
        assertThrows(Ouch.class, () -> apikeys.scopedTo(Map.of("nickname", 1L)));
    }

    @Test
    void aRowTheServerRefusesFailsTheInsertAndLeavesTheRecordWithoutAnId() {
        createUser("taken");
        User twin = users.mint(Map.of("username", "taken", "email", "other@example.com", "realName", "Twin"));
        QueryFailedException refused = assertThrows(QueryFailedException.class, () -> await(twin.insert()));
        assertTrue(refused.getMessage().startsWith("`insert into `users` (`createdAt`, `updatedAt`, `username`"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("failed: Duplicate entry 'taken' for key 'usernameIndex' (MySQL error 1062, "
                + "SQLSTATE 23000)"), refused.getMessage());
        assertFalse(refused.getMessage().contains("other@example.com"), "values stay out of the message");
        assertEquals(1062, refused.errorCode());
        assertNull(twin.getId());
        assertEquals(1L, await(users.count(eq(UserTable.username, "taken"))));
    }
}
