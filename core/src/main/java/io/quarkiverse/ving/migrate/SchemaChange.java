package io.quarkiverse.ving.migrate;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * One statement of a migration plan, typed by what it does to the schema, so that those who act on a plan (push,
 * prepare, the build's check) decide on what a change is, never on its SQL. {@link DdlWriter} renders each as
 * drizzle-kit writes it.
 */
public sealed interface SchemaChange {

    /** The statement, as the migration file holds it. */
    String sql();

    /** Whether applying it destroys data that the database holds: a table or a column dropped. */
    default boolean losesData() {
        return false;
    }

    record CreateTable(Table table) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.createTable(table);
        }
    }

    record DropTable(String table) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.dropTable(table);
        }

        @Override
        public boolean losesData() {
            return true;
        }
    }

    record RenameTable(String from, String to) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.renameTable(from, to);
        }
    }

    record RenameColumn(String table, String from, String to) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.renameColumn(table, from, to);
        }
    }

    record AddColumn(String table, Column<?> column) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.addColumn(table, column);
        }
    }

    /** A column added at a place: after {@code after}, or first; a down migration's, putting a dropped column back. */
    record AddColumnAt(String table, Column<?> column, java.util.Optional<String> after) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.addColumn(table, column, after);
        }
    }

    /** A column whose type, nullability, default or auto-update changed, restated whole. */
    record ModifyColumn(String table, Column<?> column) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.modifyColumn(table, column);
        }
    }

    record DropColumn(String table, String column) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.dropColumn(table, column);
        }

        @Override
        public boolean losesData() {
            return true;
        }
    }

    record AddUniqueKey(String table, UniqueKey key) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.addUniqueKey(table, key);
        }
    }

    record DropUniqueKey(String table, String key) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.dropUniqueKey(table, key);
        }
    }

    record AddForeignKey(ForeignKey key) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.addForeignKey(key);
        }
    }

    record DropForeignKey(String table, String key) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.dropForeignKey(table, key);
        }
    }

    record CreateIndex(String table, Index index) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.createIndex(table, index);
        }
    }

    record DropIndex(String table, Index index) implements SchemaChange {
        @Override
        public String sql() {
            return DdlWriter.dropIndex(table, index);
        }
    }

    /** The placeholder of a migration written by hand ({@code --prepare --custom}): a comment, until its author fills it. */
    record CustomSql(String text) implements SchemaChange {
        @Override
        public String sql() {
            return text;
        }
    }
}
