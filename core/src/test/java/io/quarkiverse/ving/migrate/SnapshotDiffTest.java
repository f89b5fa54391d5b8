package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.schema.MjsSchemaReader;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.table.DdlWriter;

/** The SQL of a change between two sets of schemas, asserted as text. */
class SnapshotDiffTest {

    private static final String USER = """
            export const userSchema = { kind: 'User', tableName: 'users', props: [
                { ...baseSchemaId },
                { type: 'string', name: 'email', required: true, unique: true, length: 256, default: '', db: (prop) => dbVarChar(prop) },
                { type: 'boolean', name: 'admin', required: true, default: false, db: (prop) => dbBoolean(prop) },
                %s
            ] };
            """;

    private static final String TAG = """
            export const tagSchema = { kind: 'Tag', tableName: '%s', %s props: [
                { ...baseSchemaId },
                { type: 'string', name: 'name', required: true, length: 60, default: '', db: (prop) => dbVarChar(prop) },
                { type: 'id', name: 'userId', required: true, db: (prop) => dbRelation(prop),
                  relation: { type: 'parent', name: 'user', kind: 'User' } },
            ] };
            """;

    private static List<Schema> schemas(String userExtra, String... tags) {
        List<Schema> schemas = new ArrayList<>();
        schemas.add(new MjsSchemaReader().read(Path.of("User.mjs"), USER.formatted(userExtra)));
        for (String tag : tags) {
            schemas.add(new MjsSchemaReader().read(Path.of("Tag.mjs"), tag));
        }
        return schemas;
    }

    private static Snapshot snapshotOf(List<Schema> schemas) {
        return Snapshot.following(Snapshot.EMPTY, TableMapper.tables(schemas));
    }

    private static List<String> diff(List<Schema> before, List<Schema> after) {
        return SnapshotDiff.between(snapshotOf(before), TableMapper.tables(after), Renames.declaredIn(after), false)
                .statements();
    }

    @Test
    void fromNothingItIsTheFirstMigration() {
        List<Schema> reference = SchemaDirectory.load(Path.of("../src/main/ving"));
        MigrationPlan plan = SnapshotDiff.between(Snapshot.EMPTY, TableMapper.tables(reference), Renames.NONE, false);
        assertEquals(DdlWriter.createAll(TableMapper.tables(reference)), plan.statements());
        assertEquals("create_apikeys_and_3_more", plan.defaultName());
    }

    @Test
    void noChangeIsAnEmptyPlan() {
        assertTrue(diff(schemas(""), schemas("")).isEmpty());
    }

    @Test
    void anAddedColumnPutsDefaultBeforeNotNull() {
        assertEquals(List.of("ALTER TABLE `users` ADD `nickname` varchar(30) DEFAULT 'x' NOT NULL;"), diff(schemas(""),
                schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: 'x', db: (prop) => dbVarChar(prop) },")));
    }

    @Test
    void aDefaultWithABackslashIsAddedAndModifiedInHexWhileTheSnapshotKeepsDrizzleKitsText() {
        String column = "{ type: 'string', name: 'folder', required: true, length: 30, default: %s, db: (prop) => dbVarChar(prop) },";
        List<Schema> added = schemas(column.formatted("'C:\\\\temp'"));
        assertEquals(List.of("ALTER TABLE `users` ADD `folder` varchar(30) DEFAULT _utf8mb4 X'433A5C74656D70' NOT NULL;"),
                diff(schemas(""), added));
        assertEquals(List.of("ALTER TABLE `users` MODIFY COLUMN `folder` varchar(30) NOT NULL DEFAULT _utf8mb4 X'443A5C';"),
                diff(added, schemas(column.formatted("'D:\\\\'"))));
        assertEquals("'C:\\temp'", snapshotOf(added).tables().get(0).column("folder").orElseThrow().defaultValue()
                .orElseThrow().sql());
    }

    @Test
    void aDroppedColumn() {
        assertEquals(List.of("ALTER TABLE `users` DROP COLUMN `nickname`;"), diff(
                schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: 'x', db: (prop) => dbVarChar(prop) },"),
                schemas("")));
    }

    @Test
    void aModifiedColumnRestatesItsWholeDefinition() {
        assertEquals(List.of("ALTER TABLE `users` MODIFY COLUMN `nickname` varchar(40) NOT NULL DEFAULT 'x';"), diff(
                schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: 'x', db: (prop) => dbVarChar(prop) },"),
                schemas("{ type: 'string', name: 'nickname', required: true, length: 40, default: 'x', db: (prop) => dbVarChar(prop) },")));
    }

    @Test
    void aModifiedColumnKeepsADefaultOfZeroWhichDrizzleKitDrops() {
        // drizzle-kit writes `MODIFY COLUMN `visits` bigint unsigned NOT NULL;` and the column loses its default
        assertEquals(List.of("ALTER TABLE `users` MODIFY COLUMN `visits` bigint unsigned NOT NULL DEFAULT 0;"), diff(
                schemas("{ type: 'int', name: 'visits', required: true, default: 0, db: (prop) => dbInt(prop) },"),
                schemas("{ type: 'int', name: 'visits', required: true, default: 0, db: (prop) => dbBigInt(prop) },")));
    }

    @Test
    void uniqueKeysAreAddedAndDroppedByName() {
        String plain = "{ type: 'string', name: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },";
        String unique = "{ type: 'string', name: 'nickname', unique: true, required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },";
        assertEquals(List.of("ALTER TABLE `users` ADD CONSTRAINT `nicknameIndex` UNIQUE(`nickname`);"),
                diff(schemas(plain), schemas(unique)));
        assertEquals(List.of("ALTER TABLE `users` DROP INDEX `nicknameIndex`;"), diff(schemas(unique), schemas(plain)));
    }

    @Test
    void plainIndexesAreCreatedAndDroppedByName() {
        String plain = "{ type: 'string', name: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },";
        String indexed = "{ type: 'string', name: 'nickname', index: true, required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },";
        assertEquals(List.of("CREATE INDEX `nicknameIndex` ON `users` (`nickname`);"), diff(schemas(plain), schemas(indexed)));
        assertEquals(List.of("DROP INDEX `nicknameIndex` ON `users`;"), diff(schemas(indexed), schemas(plain)));
    }

    @Test
    void aCreatedTableGetsItsForeignKeysAfterTheCreate() {
        List<String> statements = diff(schemas(""), schemas("", TAG.formatted("tags", "")));
        assertEquals(2, statements.size());
        assertTrue(statements.get(0).startsWith("CREATE TABLE `tags` (\n"));
        assertEquals("ALTER TABLE `tags` ADD CONSTRAINT `tags_user_" + io.quarkiverse.ving.table.KeyNames.miniHash("tags_user")
                + "_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;", statements.get(1));
    }

    @Test
    void aDroppedTableIsJustDropped() {
        assertEquals(List.of("DROP TABLE `tags`;"), diff(schemas("", TAG.formatted("tags", "")), schemas("")));
    }

    @Test
    void anUndeclaredColumnRenameIsRefusedWithTheDeclarationThatSettlesIt() {
        AmbiguousChangeException e = assertThrows(AmbiguousChangeException.class, () -> diff(
                schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },"),
                schemas("{ type: 'string', name: 'alias', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },")));
        assertEquals("Cannot tell a rename from a drop and a create:\n"
                + "  Column users.alias is new while users.nickname is gone. If it is a rename, declare it in User.mjs on the prop: "
                + "{ name: 'alias', renamedFrom: 'nickname', … }.\n"
                + "If nothing was renamed, run again with --confirm-drops: what is gone is dropped, with its data.", e.getMessage());
    }

    @Test
    void aDeclaredColumnRenameIsARename() {
        MigrationPlan plan = SnapshotDiff.between(
                snapshotOf(schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },")),
                TableMapper.tables(schemas("{ type: 'string', name: 'alias', renamedFrom: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },")),
                Renames.declaredIn(schemas("{ type: 'string', name: 'alias', renamedFrom: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },")),
                false);
        assertEquals(List.of("ALTER TABLE `users` RENAME COLUMN `nickname` TO `alias`;"), plan.statements());
        assertEquals(Map.of("users.nickname", "users.alias"), plan.renamedColumns());
    }

    @Test
    void confirmedDropsAddAndDrop() {
        List<Schema> before = schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },");
        List<Schema> after = schemas("{ type: 'string', name: 'alias', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },");
        assertEquals(List.of("ALTER TABLE `users` ADD `alias` varchar(30) DEFAULT '' NOT NULL;", "ALTER TABLE `users` DROP COLUMN `nickname`;"),
                SnapshotDiff.between(snapshotOf(before), TableMapper.tables(after), Renames.NONE, true).statements());
    }

    @Test
    void anUndeclaredTableRenameIsRefused() {
        AmbiguousChangeException e = assertThrows(AmbiguousChangeException.class,
                () -> diff(schemas("", TAG.formatted("tags", "")), schemas("", TAG.formatted("labels", ""))));
        assertTrue(e.getMessage().contains("Table labels is new while 'tags' is gone. If it is a rename, declare it in Tag.mjs: "
                + "renamedFrom: 'tags' (beside tableName: 'labels')."), e.getMessage());
    }

    @Test
    void aDeclaredTableRenameKeepsThePrimaryKeyWhichDrizzleKitDropsAndMariaDbRefuses() {
        List<Schema> after = schemas("", TAG.formatted("labels", "renamedFrom: 'tags',"));
        MigrationPlan plan = SnapshotDiff.between(snapshotOf(schemas("", TAG.formatted("tags", ""))), TableMapper.tables(after),
                Renames.declaredIn(after), false);
        String oldKey = "tags_user_" + io.quarkiverse.ving.table.KeyNames.miniHash("tags_user") + "_fk";
        String newKey = "labels_user_" + io.quarkiverse.ving.table.KeyNames.miniHash("labels_user") + "_fk";
        // drizzle-kit adds `ALTER TABLE `labels` DROP PRIMARY KEY;` and `ADD PRIMARY KEY(`id`);`, which fails (ER_WRONG_AUTO_KEY)
        assertEquals(List.of(
                "RENAME TABLE `tags` TO `labels`;",
                "ALTER TABLE `labels` DROP FOREIGN KEY `" + oldKey + "`;\n",
                "ALTER TABLE `labels` ADD CONSTRAINT `" + newKey + "` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;"),
                plan.statements());
        assertEquals(Map.of("tags", "labels"), plan.renamedTables());
    }

    @Test
    void eachStatementIsTypedByTheChangeItMakesAndOnlyDropsLoseData() {
        List<Schema> before = schemas("{ type: 'string', name: 'nickname', required: true, length: 30, default: '', db: (prop) => dbVarChar(prop) },",
                TAG.formatted("tags", ""));
        List<Schema> after = schemas("{ type: 'string', name: 'alias', required: true, length: 40, default: '', db: (prop) => dbVarChar(prop) },");
        MigrationPlan plan = SnapshotDiff.between(snapshotOf(before), TableMapper.tables(after), Renames.NONE, true);
        assertEquals(List.of(new SchemaChange.DropTable("tags"),
                new SchemaChange.AddColumn("users", TableMapper.tables(after).get(0).column("alias").orElseThrow()),
                new SchemaChange.DropColumn("users", "nickname")), plan.changes());
        assertEquals(List.of(true, false, true), plan.changes().stream().map(SchemaChange::losesData).toList());
        assertEquals(List.of("drop_tags", "add_users_alias", "drop_users_nickname"), plan.names());
        assertEquals(plan.changes().stream().map(SchemaChange::sql).toList(), plan.statements());
    }
}
