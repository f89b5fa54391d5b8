package io.quarkiverse.ving.sql;

import static io.quarkiverse.ving.sql.Orm.and;
import static io.quarkiverse.ving.sql.Orm.as;
import static io.quarkiverse.ving.sql.Orm.asc;
import static io.quarkiverse.ving.sql.Orm.avg;
import static io.quarkiverse.ving.sql.Orm.between;
import static io.quarkiverse.ving.sql.Orm.condition;
import static io.quarkiverse.ving.sql.Orm.count;
import static io.quarkiverse.ving.sql.Orm.delete;
import static io.quarkiverse.ving.sql.Orm.desc;
import static io.quarkiverse.ving.sql.Orm.eq;
import static io.quarkiverse.ving.sql.Orm.exists;
import static io.quarkiverse.ving.sql.Orm.gt;
import static io.quarkiverse.ving.sql.Orm.gte;
import static io.quarkiverse.ving.sql.Orm.inArray;
import static io.quarkiverse.ving.sql.Orm.insert;
import static io.quarkiverse.ving.sql.Orm.isNotNull;
import static io.quarkiverse.ving.sql.Orm.isNull;
import static io.quarkiverse.ving.sql.Orm.like;
import static io.quarkiverse.ving.sql.Orm.lt;
import static io.quarkiverse.ving.sql.Orm.lte;
import static io.quarkiverse.ving.sql.Orm.max;
import static io.quarkiverse.ving.sql.Orm.min;
import static io.quarkiverse.ving.sql.Orm.ne;
import static io.quarkiverse.ving.sql.Orm.not;
import static io.quarkiverse.ving.sql.Orm.notInArray;
import static io.quarkiverse.ving.sql.Orm.notLike;
import static io.quarkiverse.ving.sql.Orm.or;
import static io.quarkiverse.ving.sql.Orm.raw;
import static io.quarkiverse.ving.sql.Orm.select;
import static io.quarkiverse.ving.sql.Orm.sql;
import static io.quarkiverse.ving.sql.Orm.sum;
import static io.quarkiverse.ving.sql.Orm.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.Table;

/** Every builder feature and operator, as the SQL text and parameters it renders; no database needed. */
class MySqlRendererTest {

    static final Column<Long> ID = Column.of("users", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement().primaryKey();
    static final Column<String> EMAIL = Column.of("users", "email", ColumnType.varchar(256), String.class).notNull();
    static final Column<String> REAL_NAME = Column.of("users", "realName", ColumnType.varchar(60), String.class).notNull();
    static final Column<Boolean> ADMIN = Column.of("users", "admin", ColumnType.BOOLEAN, Boolean.class).notNull();
    static final Table USERS = new Table("users", "User", List.of(ID, EMAIL, REAL_NAME, ADMIN), List.of(), List.of());

    static final Column<Long> KEY_ID = Column.of("apikeys", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement().primaryKey();
    static final Column<String> KEY_NAME = Column.of("apikeys", "name", ColumnType.varchar(60), String.class).notNull();
    static final Column<Long> KEY_USER = Column.of("apikeys", "userId", ColumnType.BIGINT_UNSIGNED, Long.class).notNull();
    static final Table APIKEYS = new Table("apikeys", "APIKey", List.of(KEY_ID, KEY_NAME, KEY_USER), List.of(), List.of());

    private static void assertRenders(String sql, List<Object> params, RenderedQuery rendered) {
        assertEquals(sql, rendered.sql());
        assertEquals(params, rendered.params());
    }

    @Test
    void selectAllNamesEveryColumn() {
        assertRenders("select `users`.`id`, `users`.`email`, `users`.`realName`, `users`.`admin` from `users`", List.of(),
                select().from(USERS).render());
    }

    @Test
    void selectWhereEq() {
        assertRenders("select `users`.`id`, `users`.`email`, `users`.`realName`, `users`.`admin` from `users` "
                + "where `users`.`email` = ?", List.of("joe@example.com"),
                select().from(USERS).where(eq(EMAIL, "joe@example.com")).render());
    }

    @Test
    void selectOfNamedValues() {
        assertRenders("select count(*) as `count` from `users`", List.of(), select(as("count", count())).from(USERS).render());
        assertRenders("select `users`.`email`, count(`users`.`id`) as `n` from `users` group by `users`.`email`", List.of(),
                select(EMAIL, as("n", count(ID))).from(USERS).groupBy(EMAIL).render());
    }

    @Test
    void everyComparison() {
        assertEquals("`users`.`id` <> ?", where(ne(ID, 1)));
        assertEquals("`users`.`id` > ?", where(gt(ID, 1)));
        assertEquals("`users`.`id` >= ?", where(gte(ID, 1)));
        assertEquals("`users`.`id` < ?", where(lt(ID, 1)));
        assertEquals("`users`.`id` <= ?", where(lte(ID, 1)));
        assertEquals("`users`.`realName` like ?", where(like(REAL_NAME, "Fred%")));
        assertEquals("`users`.`realName` not like ?", where(notLike(REAL_NAME, "Fred%")));
        assertEquals("`users`.`id` between ? and ?", where(between(ID, 1, 9)));
        assertEquals("`users`.`email` is null", where(isNull(EMAIL)));
        assertEquals("`users`.`email` is not null", where(isNotNull(EMAIL)));
    }

    @Test
    void comparingWithNullMeansIsNull() {
        // a null literal names its type: eq(EMAIL, null) would fit both eq(value) and eq(expression)
        assertEquals("`users`.`email` is null", where(eq(EMAIL, (String) null)));
        assertEquals("`users`.`email` is not null", where(ne(EMAIL, (String) null)));
    }

    @Test
    void comparingTwoColumns() {
        assertRenders("select `apikeys`.`name` from `apikeys` where `apikeys`.`userId` = `users`.`id`", List.of(),
                select(KEY_NAME).from(APIKEYS).where(eq(KEY_USER, ID)).render());
    }

    @Test
    void inArrayBindsEveryValue() {
        RenderedQuery rendered = select(ID).from(USERS).where(inArray(ID, List.of(1, 2, 3))).render();
        assertRenders("select `users`.`id` from `users` where `users`.`id` in (?, ?, ?)", List.of(1, 2, 3), rendered);
        assertEquals("`users`.`id` not in (?, ?)", where(notInArray(ID, List.of(1, 2))));
    }

    @Test
    void anEmptyInArrayMatchesNothingAndAnEmptyNotInArrayEverything() {
        assertEquals("false", where(inArray(ID, List.of())));
        assertEquals("true", where(notInArray(ID, List.of())));
    }

    @Test
    void andOrNotNest() {
        assertRenders("select `users`.`id` from `users` where ((`users`.`admin` = ? or `users`.`id` = ?) and not (`users`.`email` like ?))",
                List.of(true, 1, "%@spam.com"),
                select(ID).from(USERS).where(and(or(eq(ADMIN, true), eq(ID, 1)), not(like(EMAIL, "%@spam.com")))).render());
    }

    @Test
    void aWhereIsAValueThatMayBeLeftOut() {
        Condition onlyAdmins = eq(ADMIN, true);
        Condition none = null;
        assertEquals("`users`.`admin` = ?", where(and(onlyAdmins, none)));
        assertNull(and(none, none));
        assertEquals("select `users`.`id` from `users`", select(ID).from(USERS).where(and(none)).render().sql());
    }

    @Test
    void existsTakesASubquery() {
        assertRenders("select `users`.`id` from `users` where exists (select `apikeys`.`id` from `apikeys` "
                + "where `apikeys`.`userId` = `users`.`id`)", List.of(),
                select(ID).from(USERS).where(exists(select(KEY_ID).from(APIKEYS).where(eq(KEY_USER, ID)))).render());
    }

    @Test
    void aggregates() {
        assertEquals("select count(*), count(`users`.`email`), sum(`users`.`id`), avg(`users`.`id`), min(`users`.`id`), "
                + "max(`users`.`email`) from `users`",
                select(count(), count(EMAIL), sum(ID), avg(ID), min(ID), max(EMAIL)).from(USERS).render().sql());
    }

    @Test
    void orderByOneOrSeveral() {
        assertEquals("select `users`.`id` from `users` order by `users`.`email` asc",
                select(ID).from(USERS).orderBy(asc(EMAIL)).render().sql());
        assertEquals("select `users`.`id` from `users` order by `users`.`admin` desc, `users`.`email` asc",
                select(ID).from(USERS).orderBy(desc(ADMIN), EMAIL).render().sql());
    }

    @Test
    void groupByHaving() {
        assertRenders("select `users`.`admin`, count(*) as `n` from `users` group by `users`.`admin` having count(*) > ?",
                List.of(5), select(ADMIN, as("n", count())).from(USERS).groupBy(ADMIN).having(gt(count(), 5)).render());
    }

    @Test
    void limitAndOffsetAreBound() {
        assertRenders("select `users`.`id` from `users` limit ? offset ?", List.of(10L, 20L),
                select(ID).from(USERS).limit(10).offset(20).render());
    }

    @Test
    void aPassedInQueryCanBeLimited() {
        SelectQuery admins = select(ID).from(USERS).where(eq(ADMIN, true));
        assertEquals("select `users`.`id` from `users` where `users`.`admin` = ? limit ?", admins.limit(1).render().sql());
        assertEquals("select `users`.`id` from `users` where `users`.`admin` = ?", admins.render().sql(), "queries are values");
    }

    @Test
    void joins() {
        assertRenders("select `users`.`email`, `apikeys`.`name` from `users` inner join `apikeys` on `apikeys`.`userId` = `users`.`id` "
                + "where `users`.`admin` = ?", List.of(true),
                select(EMAIL, KEY_NAME).from(USERS).innerJoin(APIKEYS, eq(KEY_USER, ID)).where(eq(ADMIN, true)).render());
        assertEquals("select `users`.`id`, `users`.`email`, `users`.`realName`, `users`.`admin`, `apikeys`.`id`, `apikeys`.`name`, "
                + "`apikeys`.`userId` from `users` left join `apikeys` on `apikeys`.`userId` = `users`.`id`",
                select().from(USERS).leftJoin(APIKEYS, eq(KEY_USER, ID)).render().sql());
    }

    @Test
    void sqlTemplatesEmbedColumnsAndBindValues() {
        assertRenders("select count(`users`.`id`) as `c` from `users` where `users`.`realName` = lower(?)", List.of("FRED"),
                select(as("c", sql("count({})", ID))).from(USERS).where(condition(sql("{} = lower({})", REAL_NAME, "FRED")))
                        .render());
    }

    @Test
    void aTemplateWithTheWrongNumberOfArgumentsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sql("{} = {}", ID));
        assertEquals("The SQL template has 2 placeholders {} but 1 arguments: {} = {}", e.getMessage());
    }

    @Test
    void rawIsPastedAsItIs() {
        assertEquals("select now() as `now` from `users`", select(as("now", raw("now()"))).from(USERS).render().sql());
    }

    @Test
    void valuesWithSqlMetacharactersAreOnlyEverParameters() {
        String nasty = "x'; drop table users; -- \\ `";
        assertRenders("select `users`.`id` from `users` where `users`.`email` = ?", List.of(nasty),
                select(ID).from(USERS).where(eq(EMAIL, nasty)).render());
    }

    @Test
    void insertOneOrManyRowsWithDefaultsForColumnsARowLeavesOut() {
        Map<Column<?>, Object> joe = new LinkedHashMap<>();
        joe.put(EMAIL, "joe@example.com");
        joe.put(REAL_NAME, "Joe");
        Map<Column<?>, Object> ann = new LinkedHashMap<>();
        ann.put(REAL_NAME, "Ann");
        ann.put(EMAIL, "ann@example.com");
        ann.put(ADMIN, true);
        assertRenders("insert into `users` (`email`, `realName`) values (?, ?)", List.of("joe@example.com", "Joe"),
                insert(USERS).values(joe).render());
        assertRenders("insert into `users` (`email`, `realName`, `admin`) values (?, ?, default), (?, ?, ?)",
                List.of("joe@example.com", "Joe", "ann@example.com", "Ann", true), insert(USERS).values(joe, ann).render());
    }

    @Test
    void aRowThatLeavesOutAColumnWithASchemaDefaultSendsIt() {
        Column<Long> id = Column.of("apikeys", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement().primaryKey();
        Column<String> name = Column.of("apikeys", "name", ColumnType.varchar(60), String.class).notNull();
        Column<String> url = Column.of("apikeys", "url", ColumnType.TEXT, String.class).notNull().withSchemaDefault("");
        Table keys = new Table("apikeys", "APIKey", List.of(id, name, url), List.of(), List.of());
        assertRenders("insert into `apikeys` (`name`, `url`) values (?, ?)", List.of("ci", ""),
                insert(keys).values(Map.of(name, "ci")).render());
        assertRenders("insert into `apikeys` (`name`, `url`) values (?, ?)", List.of("ci", "https://x"),
                insert(keys).values(Map.of(name, "ci", url, "https://x")).render());
    }

    @Test
    void aNullValueIsBoundAsNull() {
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        values.put(EMAIL, null);
        RenderedQuery rendered = insert(USERS).values(values).render();
        assertEquals("insert into `users` (`email`) values (?)", rendered.sql());
        assertEquals(Arrays.asList((Object) null), rendered.params());
    }

    @Test
    void insertOnDuplicateKeyUpdate() {
        assertRenders("insert into `users` (`email`, `realName`) values (?, ?) on duplicate key update `realName` = values(`users`.`realName`)",
                List.of("joe@example.com", "Joe"),
                insert(USERS).values(Map.of(EMAIL, "joe@example.com", REAL_NAME, "Joe"))
                        .onDuplicateKeyUpdate(Map.of(REAL_NAME, sql("values({})", REAL_NAME))).render());
    }

    @Test
    void insertOfAColumnOfAnotherTableIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> insert(USERS).values(Map.of(KEY_NAME, "x")).render());
        assertEquals("Column apikeys.name is not a column of users", e.getMessage());
    }

    @Test
    void updateSetWhere() {
        assertRenders("update `users` set `realName` = ?, `admin` = not `users`.`admin` where `users`.`id` = ?",
                List.of("Fred", 7L),
                update(USERS).set(orderedMap(REAL_NAME, "Fred", ADMIN, sql("not {}", ADMIN))).where(eq(ID, 7L)).render());
    }

    @Test
    void deleteWhere() {
        assertRenders("delete from `users` where `users`.`id` in (?, ?)", List.of(1, 2),
                delete(USERS).where(inArray(ID, Arrays.asList(1, 2))).render());
        assertRenders("delete from `users`", List.of(), delete(USERS).render());
    }

    @Test
    void identifiersAreQuotedEvenWhenOdd() {
        Column<String> odd = Column.of("we`ird", "se lect", ColumnType.TEXT, String.class);
        Table table = new Table("we`ird", "Weird", List.of(odd), List.of(), List.of());
        assertEquals("select `we``ird`.`se lect` from `we``ird`", select().from(table).render().sql());
    }

    private static String where(Condition condition) {
        String sql = select(ID).from(USERS).where(condition).render().sql();
        return sql.substring(sql.indexOf(" where ") + " where ".length());
    }

    private static Map<Column<?>, Object> orderedMap(Column<?> k1, Object v1, Column<?> k2, Object v2) {
        Map<Column<?>, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
