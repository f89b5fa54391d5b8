package io.quarkiverse.ving.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.record.Ouch;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import ving.record.User;
import ving.record.Users;

/**
 * The generated records as Hibernate Reactive entities ({@code quarkus.ving.codegen.jpa-entities}), on the tables the
 * ving migrations built. The application started at all only because Hibernate's schema validation passed.
 */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_hibernate"))
class HibernateReactiveTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Users users;

    @BeforeEach
    void empty() {
        await(users.deleteMany(null));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aMintedRecordPersistsThroughHibernateAndTheKindReadsItBack() {
        User fred = users.mint(Map.of("username", "fred", "email", "fred@example.com", "realName", "Fred Smith"));
        await(sessions.withTransaction(session -> session.persist(fred)));
        assertNotNull(fred.getId(), "Hibernate filled the id the database gave");

        User read = await(users.findOrDie(fred.getId()));
        assertEquals(fred.getAll(), read.getAll());
        assertEquals("no-password-specified", read.getPassword(), "the schema's default, from mint");
    }

    @Test
    void aRecordTheKindCreatedLoadsThroughHibernate() {
        User ann = await(users.create(Map.of("username", "ann", "email", "ann@example.com", "realName", "Ann Lee",
                "useAsDisplayName", "email", "admin", true)));
        User loaded = await(sessions.withSession(session -> session.find(User.class, ann.getId())));
        assertEquals(ann.getAll(), loaded.getAll());
    }

    @Test
    void hibernateQueriesAndUpdatesTheSameTable() {
        for (String name : List.of("ann", "bob", "bea")) {
            await(users.create(Map.of("username", name, "email", name + "@example.com", "realName", "Real " + name)));
        }
        List<User> bs = await(sessions.withSession(session -> session
                .createSelectionQuery("from User where realName like :name order by username", User.class)
                .setParameter("name", "Real b%").getResultList()));
        assertEquals(List.of("bea", "bob"), bs.stream().map(User::getUsername).toList());

        await(sessions.withTransaction(session -> session.find(User.class, bs.get(0).getId())
                .invoke(bea -> bea.setBio("set through Hibernate"))));
        assertEquals("set through Hibernate", await(users.findOrDie(bs.get(0).getId())).getBio());
    }

    @Test
    void aRecordHibernateLoadedStillChecksItsValuesAndIsBoundByCopy() {
        User bob = await(users.create(Map.of("username", "bob", "email", "bob@example.com", "realName", "Bob")));
        User loaded = await(sessions.withSession(session -> session.find(User.class, bob.getId())));

        Ouch tooLong = assertThrows(Ouch.class, () -> loaded.setUsername("x".repeat(61)));
        assertEquals(442, tooLong.code());
        IllegalStateException unbound = assertThrows(IllegalStateException.class, loaded::refresh);
        assertTrue(unbound.getMessage().contains("was not made by its kind"), unbound.getMessage());

        User copy = users.copy(loaded);
        assertEquals("bob@example.com", copy.getEmail());
    }
}
