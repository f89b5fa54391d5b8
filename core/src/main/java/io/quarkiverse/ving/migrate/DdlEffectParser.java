package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.ving.migrate.SqlTokens.Kind;
import io.quarkiverse.ving.migrate.SqlTokens.Token;

/**
 * Reads what a DDL statement leaves in the catalog ({@link DdlEffect}) from its text: every form {@code --prepare}
 * and drizzle-kit write, and the common hand-written ones (CREATE/DROP/RENAME TABLE, CREATE/DROP INDEX, views, and
 * ALTER TABLE with any list of ADD, DROP, RENAME, MODIFY, CHANGE and table options). The migration file is the only
 * record of what a statement meant (drizzle-kit writes migrations too), so the text is what is read.
 * <p>
 * Anything else is not guessed at: {@link #effects} is empty, and the caller asks the operator.
 */
final class DdlEffectParser {

    private final List<Token> tokens;
    private int at;

    private DdlEffectParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * The statement's effects, all of which hold once it has taken effect; empty when the statement is not a form this
     * parser knows, and so whether it took effect cannot be read from the catalog.
     */
    static Optional<List<DdlEffect>> effects(String statement) {
        try {
            DdlEffectParser parser = new DdlEffectParser(SqlTokens.of(statement));
            List<DdlEffect> effects = parser.statement();
            parser.accept(";");
            return effects == null || !parser.atEnd() || effects.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(effects));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The effects, or null for a statement this parser does not know. */
    private List<DdlEffect> statement() {
        if (accept("CREATE")) {
            return create();
        }
        if (accept("DROP")) {
            return drop();
        }
        if (accept("RENAME")) {
            return accept("TABLE") || accept("TABLES") ? renameTables() : null;
        }
        if (accept("ALTER")) {
            accept("ONLINE");
            accept("IGNORE");
            return accept("TABLE") ? alterTable() : null;
        }
        return null;
    }

    private List<DdlEffect> create() {
        if (accept("OR")) {
            // CREATE OR REPLACE VIEW leaves the same view however often it runs; a replaced table loses its rows.
            return expect("REPLACE") && skipViewOptions() && accept("VIEW") ? skipRest(List.of(new DdlEffect.Repeatable())) : null;
        }
        if (accept("TABLE")) {
            ifNotExists();
            Name table = name();
            return table == null ? null : skipRest(List.of(new DdlEffect.Table(table.schema, table.name, true)));
        }
        boolean index = accept("UNIQUE") || accept("FULLTEXT") || accept("SPATIAL");
        if (accept("INDEX") || (index && accept("KEY"))) {
            ifNotExists();
            Name name = name();
            if (name == null || name.schema != null || !accept("ON")) {
                return null;
            }
            Name table = name();
            return table == null ? null : skipRest(List.of(new DdlEffect.Index(table.schema, table.name, name.name, true)));
        }
        if (index || !skipViewOptions() || !accept("VIEW")) {
            return null;
        }
        ifNotExists();
        Name view = name();
        return view == null ? null : skipRest(List.of(new DdlEffect.Table(view.schema, view.name, true)));
    }

    private List<DdlEffect> drop() {
        if (accept("TABLE") || accept("VIEW")) {
            ifExists();
            List<DdlEffect> effects = new ArrayList<>();
            do {
                Name table = name();
                if (table == null) {
                    return null;
                }
                effects.add(new DdlEffect.Table(table.schema, table.name, false));
            } while (accept(","));
            accept("RESTRICT");
            accept("CASCADE");
            return effects;
        }
        if (accept("INDEX")) {
            ifExists();
            Name name = name();
            if (name == null || name.schema != null || !accept("ON")) {
                return null;
            }
            Name table = name();
            return table == null ? null : skipRest(List.of(new DdlEffect.Index(table.schema, table.name, name.name, false)));
        }
        return null;
    }

    private List<DdlEffect> renameTables() {
        List<DdlEffect> effects = new ArrayList<>();
        do {
            Name from = name();
            if (from == null || !accept("TO")) {
                return null;
            }
            Name to = name();
            if (to == null) {
                return null;
            }
            effects.add(new DdlEffect.Table(from.schema, from.name, false));
            effects.add(new DdlEffect.Table(to.schema, to.name, true));
        } while (accept(","));
        return effects;
    }

    private List<DdlEffect> alterTable() {
        Name table = name();
        if (table == null) {
            return null;
        }
        List<DdlEffect> effects = new ArrayList<>();
        do {
            List<DdlEffect> clause = alterClause(table);
            if (clause == null) {
                return null;
            }
            effects.addAll(clause);
        } while (accept(","));
        // A rename moves the table, so a clause beside it would be looked for under the wrong name.
        boolean renamesTable = effects.stream().anyMatch(effect -> effect instanceof DdlEffect.Table);
        return renamesTable && effects.size() > 2 ? null : effects;
    }

    /** One clause of ALTER TABLE; null when it is not known. */
    private List<DdlEffect> alterClause(Name table) {
        if (accept("ADD")) {
            return add(table);
        }
        if (accept("DROP")) {
            return dropClause(table);
        }
        if (accept("RENAME")) {
            if (accept("COLUMN")) {
                return renamed(table, (schema, t, name, present) -> new DdlEffect.Column(schema, t, name, present));
            }
            if (accept("INDEX") || accept("KEY")) {
                return renamed(table, (schema, t, name, present) -> new DdlEffect.Index(schema, t, name, present));
            }
            if (!accept("TO")) {
                accept("AS");
            }
            Name to = name();
            return to == null ? null : List.of(new DdlEffect.Table(table.schema, table.name, false),
                    new DdlEffect.Table(to.schema == null ? table.schema : to.schema, to.name, true));
        }
        if (accept("MODIFY")) {
            return skipClause(List.of(new DdlEffect.Repeatable()));
        }
        if (accept("CHANGE")) {
            accept("COLUMN");
            ifExists();
            Token from = nameToken();
            Token to = nameToken();
            if (from == null || to == null) {
                return null;
            }
            return skipClause(from.text().equalsIgnoreCase(to.text()) ? List.of(new DdlEffect.Repeatable())
                    : List.of(new DdlEffect.Column(table.schema, table.name, from.text(), false),
                            new DdlEffect.Column(table.schema, table.name, to.text(), true)));
        }
        if (accept("ALTER")) { // ALTER [COLUMN] c SET DEFAULT x | DROP DEFAULT
            return skipClause(List.of(new DdlEffect.Repeatable()));
        }
        if (accept("ALGORITHM") || accept("LOCK")) {
            accept("=");
            return nameToken() == null ? null : List.of(); // how, not what
        }
        for (String option : List.of("ENGINE", "COMMENT", "AUTO_INCREMENT", "CONVERT", "FORCE", "DEFAULT", "CHARACTER",
                "CHARSET", "COLLATE", "ROW_FORMAT", "KEY_BLOCK_SIZE", "ORDER")) {
            if (accept(option)) {
                return skipClause(List.of(new DdlEffect.Repeatable()));
            }
        }
        return null;
    }

    private List<DdlEffect> add(Name table) {
        if (accept("CONSTRAINT")) {
            Token name = peek() != null && !(peekIs("PRIMARY") || peekIs("UNIQUE") || peekIs("FOREIGN") || peekIs("CHECK"))
                    ? nameToken()
                    : null;
            if (accept("PRIMARY")) {
                return skipClause(List.of(new DdlEffect.Index(table.schema, table.name, "PRIMARY", true)));
            }
            if (name == null) {
                return null; // the server names it
            }
            if (accept("UNIQUE") || accept("FOREIGN") || accept("CHECK")) {
                return skipClause(List.of(new DdlEffect.Constraint(table.schema, table.name, name.text(), true)));
            }
            return null;
        }
        if (accept("PRIMARY")) {
            return skipClause(List.of(new DdlEffect.Index(table.schema, table.name, "PRIMARY", true)));
        }
        if (accept("UNIQUE") || accept("FULLTEXT") || accept("SPATIAL")) {
            if (!accept("INDEX")) {
                accept("KEY");
            }
            return namedIndex(table);
        }
        if (accept("INDEX") || accept("KEY")) {
            return namedIndex(table);
        }
        if (accept("FOREIGN")) {
            expect("KEY");
            ifNotExists();
            Token name = peekIsSymbol("(") ? null : nameToken();
            return name == null ? null : skipClause(List.of(new DdlEffect.Constraint(table.schema, table.name, name.text(), true)));
        }
        if (peekIs("CHECK") || peekIsSymbol("(")) {
            return null; // unnamed, or a list of columns
        }
        accept("COLUMN");
        ifNotExists();
        Token column = nameToken();
        return column == null ? null : skipClause(List.of(new DdlEffect.Column(table.schema, table.name, column.text(), true)));
    }

    private List<DdlEffect> namedIndex(Name table) {
        ifNotExists();
        Token name = peekIsSymbol("(") ? null : nameToken();
        return name == null ? null : skipClause(List.of(new DdlEffect.Index(table.schema, table.name, name.text(), true)));
    }

    private List<DdlEffect> dropClause(Name table) {
        if (accept("PRIMARY")) {
            return expect("KEY") ? List.of(new DdlEffect.Index(table.schema, table.name, "PRIMARY", false)) : null;
        }
        if (accept("INDEX") || accept("KEY")) {
            ifExists();
            Token name = nameToken();
            return name == null ? null : List.of(new DdlEffect.Index(table.schema, table.name, name.text(), false));
        }
        if (accept("FOREIGN")) {
            expect("KEY");
            ifExists();
            Token name = nameToken();
            return name == null ? null : List.of(new DdlEffect.Constraint(table.schema, table.name, name.text(), false));
        }
        if (accept("CONSTRAINT") || accept("CHECK")) {
            ifExists();
            Token name = nameToken();
            return name == null ? null : List.of(new DdlEffect.Constraint(table.schema, table.name, name.text(), false));
        }
        accept("COLUMN");
        ifExists();
        Token column = nameToken();
        if (column == null) {
            return null;
        }
        accept("RESTRICT");
        accept("CASCADE");
        return List.of(new DdlEffect.Column(table.schema, table.name, column.text(), false));
    }

    private interface PresenceOf {
        DdlEffect of(String schema, String table, String name, boolean present);
    }

    private List<DdlEffect> renamed(Name table, PresenceOf presence) {
        Token from = nameToken();
        if (from == null || !accept("TO")) {
            return null;
        }
        Token to = nameToken();
        return to == null ? null
                : List.of(presence.of(table.schema, table.name, from.text(), false), presence.of(table.schema, table.name, to.text(), true));
    }

    // --- the cursor --------------------------------------------------------------------------------------

    /** A possibly qualified name: {@code `db`.`t`} or {@code t}. */
    private record Name(String schema, String name) {
    }

    private Name name() {
        Token first = nameToken();
        if (first == null) {
            return null;
        }
        if (accept(".")) {
            Token second = nameToken();
            return second == null ? null : new Name(first.text(), second.text());
        }
        return new Name(null, first.text());
    }

    private Token nameToken() {
        Token token = peek();
        if (token == null || token.kind() != Kind.NAME) {
            return null;
        }
        at++;
        return token;
    }

    /** Skips to the comma that ends this ALTER clause (outside parentheses), or to the end. */
    private List<DdlEffect> skipClause(List<DdlEffect> effects) {
        int depth = 0;
        while (peek() != null) {
            Token token = peek();
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(";"))) {
                break;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            at++;
        }
        return effects;
    }

    /** Skips what follows a statement's name (column list, options) to the statement's end. */
    private List<DdlEffect> skipRest(List<DdlEffect> effects) {
        while (peek() != null && !(peek().isSymbol(";") && at == tokens.size() - 1)) {
            at++;
        }
        return effects;
    }

    /** ALGORITHM = …, DEFINER = …, SQL SECURITY … before VIEW; true (there is always nothing or something to skip). */
    private boolean skipViewOptions() {
        while (peek() != null && !peekIs("VIEW")) {
            if (accept("ALGORITHM") || accept("DEFINER")) {
                accept("=");
                while (peek() != null && !peekIs("VIEW") && !peekIs("SQL") && !peekIs("ALGORITHM") && !peekIs("DEFINER")) {
                    at++;
                }
            } else if (accept("SQL")) {
                accept("SECURITY");
                at++;
            } else {
                return false;
            }
        }
        return true;
    }

    private void ifExists() {
        if (peekIs("IF") && at + 1 < tokens.size() && tokens.get(at + 1).is("EXISTS")) {
            at += 2;
        }
    }

    private void ifNotExists() {
        if (peekIs("IF") && at + 2 < tokens.size() && tokens.get(at + 1).is("NOT") && tokens.get(at + 2).is("EXISTS")) {
            at += 3;
        }
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean peekIs(String word) {
        return peek() != null && peek().is(word);
    }

    private boolean peekIsSymbol(String symbol) {
        return peek() != null && peek().isSymbol(symbol);
    }

    private boolean accept(String wordOrSymbol) {
        Token token = peek();
        if (token != null && (token.is(wordOrSymbol) || token.isSymbol(wordOrSymbol))) {
            at++;
            return true;
        }
        return false;
    }

    private boolean expect(String word) {
        if (!accept(word)) {
            throw new IllegalArgumentException("expected " + word);
        }
        return true;
    }

    private boolean atEnd() {
        return at == tokens.size();
    }
}
