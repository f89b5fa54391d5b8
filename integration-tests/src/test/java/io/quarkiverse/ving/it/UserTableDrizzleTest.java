package io.quarkiverse.ving.it;

import static io.quarkiverse.ving.sql.Orm.and;
import static io.quarkiverse.ving.sql.Orm.as;
import static io.quarkiverse.ving.sql.Orm.asc;
import static io.quarkiverse.ving.sql.Orm.condition;
import static io.quarkiverse.ving.sql.Orm.desc;
import static io.quarkiverse.ving.sql.Orm.eq;
import static io.quarkiverse.ving.sql.Orm.like;
import static io.quarkiverse.ving.sql.Orm.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkiverse.ving.sql.Condition;
import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.sql.SelectQuery;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.OrderTerm;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import ving.drizzle.schema.UserTable;

/**
 * ving's {@code ving/tests/users.drizzle.test.mjs}, case by case and in its order, on the query builder, against
 * MariaDB's default (strict) sql_mode: its first insert names three of the table's columns and leaves out {@code bio},
 * a NOT NULL mediumtext without SQL default, which the schema's default then fills.
 */
@QuarkusTest
@WithTestResource(value = TestDatabaseResource.class, initArgs = @ResourceArg(name = "database", value = "ving_it_users_drizzle"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserTableDrizzleTest {

    @Inject
    VingDb db;

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    @BeforeAll
    void clear() {
        await(db.delete(UserTable.TABLE).where(like(UserTable.email, "%@shawshank.prison")).execute());
    }

    private List<Row> wardens(Condition where) {
        return await(db.select().from(UserTable.TABLE).where(where).execute());
    }

    @Test
    @Order(1)
    @DisplayName("can insert")
    void canInsert() {
        Map<Column<?>, Object> warden = Map.of(UserTable.username, "warden", UserTable.email, "warden@shawshank.prison",
                UserTable.realName, "Warden");
        assertEquals(1, await(db.insert(UserTable.TABLE).values(warden).execute()).affectedRows());
        assertEquals("", wardens(eq(UserTable.username, "warden")).get(0).get(UserTable.bio), "the schema's default");
    }

    @Test
    @Order(2)
    @DisplayName("can select")
    void canSelect() {
        assertEquals("Warden", wardens(eq(UserTable.username, "warden")).get(0).get(UserTable.realName));
    }

    @Test
    @Order(3)
    @DisplayName("can count")
    void canCount() {
        List<Row> result = await(db.select(as("count", sql("count(*)"))).from(UserTable.TABLE)
                .where(eq(UserTable.username, "warden")).execute());
        assertEquals(1L, ((Number) result.get(0).get("count")).longValue());
    }

    @Test
    @Order(4)
    @DisplayName("can count with column")
    void canCountWithColumn() {
        Function<Column<?>, io.quarkiverse.ving.sql.Sql<Object>> countWithColumn = column -> sql("count({})", column);
        List<Row> result = await(db.select(as("count", countWithColumn.apply(UserTable.username))).from(UserTable.TABLE)
                .where(eq(UserTable.username, "warden")).execute());
        assertEquals(1L, ((Number) result.get(0).get("count")).longValue());
    }

    @Test
    @Order(5)
    @DisplayName("can pass where clause")
    void canPassWhereClause() {
        Function<Condition, List<Row>> passWhere = this::wardens;
        assertEquals("Warden", passWhere.apply(eq(UserTable.username, "warden")).get(0).get(UserTable.realName));
    }

    @Test
    @Order(6)
    @DisplayName("can pass where clause as sql")
    void canPassWhereClauseAsSql() {
        assertEquals("Warden", wardens(condition(sql("username = 'warden'"))).get(0).get(UserTable.realName));
    }

    @Test
    @Order(7)
    @DisplayName("use a where callback to extend a query")
    void useAWhereCallbackToExtendAQuery() {
        Function<UnaryOperator<Condition>, SelectQuery> startIt = whereCallback -> db.select().from(UserTable.TABLE)
                .where(whereCallback.apply(like(UserTable.email, "%@shawshank.prison")));
        assertEquals(0, await(startIt.apply(c -> and(c, eq(UserTable.admin, true))).execute()).size());
    }

    @Test
    @Order(8)
    @DisplayName("use a where callback to extend a query but with nothing to pass in")
    void useAWhereCallbackWithNothingToPassIn() {
        Function<UnaryOperator<Condition>, SelectQuery> startIt = whereCallback -> db.select().from(UserTable.TABLE)
                .where(whereCallback.apply(like(UserTable.email, "%@shawshank.prison")));
        assertEquals(1, await(startIt.apply(UnaryOperator.identity()).execute()).size());
    }

    private List<Row> ordered(OrderTerm... orderBy) {
        return await(db.select().from(UserTable.TABLE).where(like(UserTable.email, "%@shawshank.prison")).orderBy(orderBy)
                .execute());
    }

    @Test
    @Order(9)
    @DisplayName("can pass order by with 2")
    void canPassOrderByWith2() {
        assertEquals("Warden", ordered(asc(UserTable.username), desc(UserTable.realName)).get(0).get(UserTable.realName));
    }

    @Test
    @Order(10)
    @DisplayName("can pass order by")
    void canPassOrderBy() {
        assertEquals("Warden", ordered(asc(UserTable.username)).get(0).get(UserTable.realName));
    }

    @Test
    @Order(11)
    @DisplayName("can pass group by")
    void canPassGroupBy() {
        // MariaDB's default sql_mode allows a grouped select of every column, as MySQL's ONLY_FULL_GROUP_BY would not
        List<Row> result = await(db.select().from(UserTable.TABLE).where(like(UserTable.email, "%@shawshank.prison"))
                .groupBy(UserTable.username).execute());
        assertEquals("Warden", result.get(0).get(UserTable.realName));
    }

    @Test
    @Order(12)
    @DisplayName("can pass select query")
    void canPassSelectQuery() {
        Function<SelectQuery, List<Row>> passSelect = query -> await(query.limit(1).execute());
        assertEquals("Warden", passSelect.apply(db.select().from(UserTable.TABLE).where(eq(UserTable.username, "warden")))
                .get(0).get(UserTable.realName));
    }

    @Test
    @Order(13)
    @DisplayName("can update")
    void canUpdate() {
        assertEquals(1, await(db.update(UserTable.TABLE).set(Map.of(UserTable.realName, "Samuel Norton"))
                .where(eq(UserTable.username, "warden")).execute()).affectedRows());
        assertEquals("Samuel Norton", wardens(eq(UserTable.username, "warden")).get(0).get(UserTable.realName));
    }

    @Test
    @Order(14)
    @DisplayName("can delete")
    void canDelete() {
        assertEquals(1, await(db.delete(UserTable.TABLE).where(eq(UserTable.username, "warden")).execute()).affectedRows());
    }
}
