package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.ving.table.Table;

/**
 * {@code ving drizzle --check}: whether migrations prepared on branches that were then merged commute. Each snapshot
 * names the snapshots it follows ({@code prevIds}; {@code prevId} in 0.x), so the folder's migrations form a graph;
 * where two or more follow one snapshot, the branches from there are compared by what they change: a table, column,
 * unique key, foreign key or index changed on two branches is a conflict (the order the migrations run in would then
 * decide the result); changes to different things commute. A renamed table or column counts as both its names.
 * A migration whose snapshot changes nothing holds hand-written SQL, which is not read: it is named, to be checked by
 * hand.
 */
public final class BranchCheck {

    /**
     * One migration's snapshot.
     *
     * @param migration the migration's name, for messages
     * @param id the snapshot's id
     * @param prevIds the snapshots it follows
     */
    public record Node(String migration, String id, List<String> prevIds, List<Table> tables) {
    }

    /**
     * Branches that follow one snapshot.
     *
     * @param after the migration they follow, or null for the start of the folder
     * @param branches each branch's migrations, in order
     * @param unweighed the branches' migrations whose snapshot changes nothing: hand-written SQL (a custom migration),
     *        which the check cannot weigh against the other branches
     */
    public record Fork(String after, List<List<String>> branches, List<String> unweighed) {
    }

    /**
     * One thing two branches both change.
     *
     * @param what the thing, as {@code the column `users`.`bio`}
     * @param migration the migration of one branch that changes it
     * @param otherMigration the migration of the other branch that changes it
     */
    public record Conflict(Fork fork, String what, String migration, String otherMigration) {
    }

    /** @param conflicts empty when every fork's branches commute */
    public record Result(List<Fork> forks, List<Conflict> conflicts) {
    }

    /**
     * A thing a migration changes: a whole table ({@code kind} null), or a column, key or index of one.
     *
     * @param kind {@code column}, {@code unique key}, {@code foreign key} or {@code index}
     */
    private record Entity(String table, String kind, String name) {

        static Entity table(String table) {
            return new Entity(table, null, null);
        }

        boolean isWholeTable() {
            return kind == null;
        }

        boolean overlaps(Entity other) {
            return table.equals(other.table) && (isWholeTable() || other.isWholeTable() || kind.equals(other.kind)
                    && name.equals(other.name));
        }

        String describe() {
            if (isWholeTable()) {
                return "the table `" + table + "`";
            }
            return kind.equals("column") ? "the column `" + table + "`.`" + name + "`"
                    : "the " + kind + " `" + name + "` of `" + table + "`";
        }
    }

    private BranchCheck() {
    }

    /** @param nodes every migration's snapshot, in the folder's order */
    public static Result of(List<Node> nodes) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(node.id(), node));
        Map<String, List<Node>> children = new LinkedHashMap<>();
        for (Node node : nodes) {
            for (String parent : node.prevIds()) {
                children.computeIfAbsent(parent, id -> new ArrayList<>()).add(node);
            }
        }
        List<Fork> forks = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, List<Node>> fork : children.entrySet()) {
            if (fork.getValue().size() < 2) {
                continue;
            }
            List<List<Node>> branches = new ArrayList<>();
            for (Node start : fork.getValue()) {
                branches.add(branch(start, children));
            }
            Node after = byId.get(fork.getKey());
            List<Map<Entity, String>> changed = new ArrayList<>();
            List<String> unweighed = new ArrayList<>();
            for (List<Node> branch : branches) {
                changed.add(changes(branch, byId, unweighed));
            }
            Fork found = new Fork(after == null ? null : after.migration(),
                    branches.stream().map(branch -> branch.stream().map(Node::migration).toList()).toList(), List.copyOf(unweighed));
            forks.add(found);
            for (int i = 0; i < changed.size(); i++) {
                for (int j = i + 1; j < changed.size(); j++) {
                    conflicts.addAll(conflicts(found, changed.get(i), changed.get(j)));
                }
            }
        }
        return new Result(List.copyOf(forks), List.copyOf(conflicts));
    }

    /**
     * What two branches both change: a table one of them creates, drops or renames once, however much of it the other
     * changes; else each column, key and index they share.
     */
    private static List<Conflict> conflicts(Fork fork, Map<Entity, String> one, Map<Entity, String> other) {
        Map<String, Conflict> wholeTables = new LinkedHashMap<>();
        List<Map.Entry<String, Conflict>> parts = new ArrayList<>(); // by table
        for (Map.Entry<Entity, String> mine : one.entrySet()) {
            for (Map.Entry<Entity, String> theirs : other.entrySet()) {
                if (!mine.getKey().overlaps(theirs.getKey())) {
                    continue;
                }
                if (mine.getKey().isWholeTable() || theirs.getKey().isWholeTable()) {
                    wholeTables.putIfAbsent(mine.getKey().table(), new Conflict(fork, Entity.table(mine.getKey().table()).describe(),
                            mine.getValue(), theirs.getValue()));
                } else {
                    parts.add(Map.entry(mine.getKey().table(), new Conflict(fork, mine.getKey().describe(), mine.getValue(),
                            theirs.getValue())));
                }
            }
        }
        List<Conflict> conflicts = new ArrayList<>(wholeTables.values());
        parts.stream().filter(part -> !wholeTables.containsKey(part.getKey())).forEach(part -> conflicts.add(part.getValue()));
        return conflicts;
    }

    /** A branch: the migration that starts it and those that follow it alone, up to where branches merge. */
    private static List<Node> branch(Node start, Map<String, List<Node>> children) {
        List<Node> branch = new ArrayList<>();
        Node node = start;
        while (node != null && node.prevIds().size() <= 1) {
            branch.add(node);
            List<Node> next = children.getOrDefault(node.id(), List.of());
            node = next.size() == 1 ? next.get(0) : null; // a fork within the branch is checked on its own
        }
        return branch;
    }

    /**
     * What a branch's migrations change, each thing with the first migration that changes it.
     *
     * @param unweighed gets the migrations that change no schema
     */
    private static Map<Entity, String> changes(List<Node> branch, Map<String, Node> byId, List<String> unweighed) {
        Map<Entity, String> changes = new LinkedHashMap<>();
        for (Node node : branch) {
            Node parent = node.prevIds().isEmpty() ? null : byId.get(node.prevIds().get(0));
            List<Table> before = parent == null ? List.of() : parent.tables();
            Snapshot previous = new Snapshot(parent == null ? Snapshot.ORIGIN : parent.id(), Snapshot.ORIGIN, before, Map.of(),
                    Map.of());
            MigrationPlan plan = SnapshotDiff.between(previous, node.tables(), Renames.NONE, true);
            if (plan.changes().isEmpty()) {
                unweighed.add(node.migration());
            }
            for (SchemaChange change : plan.changes()) {
                for (Entity entity : entities(change)) {
                    changes.putIfAbsent(entity, node.migration());
                }
            }
        }
        return changes;
    }

    /** What a change touches; nothing for a custom migration, whose snapshot repeats its parent's. */
    private static Set<Entity> entities(SchemaChange change) {
        Set<Entity> entities = new LinkedHashSet<>();
        if (change instanceof SchemaChange.CreateTable create) {
            entities.add(Entity.table(create.table().name()));
        } else if (change instanceof SchemaChange.DropTable drop) {
            entities.add(Entity.table(drop.table()));
        } else if (change instanceof SchemaChange.RenameTable rename) {
            entities.add(Entity.table(rename.from()));
            entities.add(Entity.table(rename.to()));
        } else if (change instanceof SchemaChange.RenameColumn rename) {
            entities.add(new Entity(rename.table(), "column", rename.from()));
            entities.add(new Entity(rename.table(), "column", rename.to()));
        } else if (change instanceof SchemaChange.AddColumn add) {
            entities.add(new Entity(add.table(), "column", add.column().name()));
        } else if (change instanceof SchemaChange.AddColumnAt add) {
            entities.add(new Entity(add.table(), "column", add.column().name()));
        } else if (change instanceof SchemaChange.ModifyColumn modify) {
            entities.add(new Entity(modify.table(), "column", modify.column().name()));
        } else if (change instanceof SchemaChange.DropColumn drop) {
            entities.add(new Entity(drop.table(), "column", drop.column()));
        } else if (change instanceof SchemaChange.AddUniqueKey add) {
            entities.add(new Entity(add.table(), "unique key", add.key().name()));
        } else if (change instanceof SchemaChange.DropUniqueKey drop) {
            entities.add(new Entity(drop.table(), "unique key", drop.key()));
        } else if (change instanceof SchemaChange.AddForeignKey add) {
            entities.add(new Entity(add.key().tableFrom(), "foreign key", add.key().name()));
        } else if (change instanceof SchemaChange.DropForeignKey drop) {
            entities.add(new Entity(drop.table(), "foreign key", drop.key()));
        } else if (change instanceof SchemaChange.CreateIndex create) {
            entities.add(new Entity(create.table(), "index", create.index().name()));
        } else if (change instanceof SchemaChange.DropIndex drop) {
            entities.add(new Entity(drop.table(), "index", drop.index().name()));
        }
        return entities;
    }
}
