package io.quarkiverse.ving.js;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.ving.js.JsModule.Declaration;
import io.quarkiverse.ving.js.JsValue.JsArray;
import io.quarkiverse.ving.js.JsValue.JsBoolean;
import io.quarkiverse.ving.js.JsValue.JsExpression;
import io.quarkiverse.ving.js.JsValue.JsFunction;
import io.quarkiverse.ving.js.JsValue.JsIdentifier;
import io.quarkiverse.ving.js.JsValue.JsNull;
import io.quarkiverse.ving.js.JsValue.JsNumber;
import io.quarkiverse.ving.js.JsValue.JsObject;
import io.quarkiverse.ving.js.JsValue.JsString;
import io.quarkiverse.ving.js.JsValue.JsUndefined;
import io.quarkiverse.ving.js.JsValue.Member;
import io.quarkiverse.ving.js.JsValue.Property;
import io.quarkiverse.ving.js.JsValue.Spread;
import io.quarkiverse.ving.js.Token.TokenKind;

/**
 * Reads a schema module (or a JSON file) into {@link JsValue}s. Literals, arrays, objects, names and functions
 * get their own value types; any other expression is kept as its source text and never evaluated.
 */
public final class ModuleParser {

    private static final Set<String> DECLARATION_KEYWORDS = Set.of("const", "let", "var");

    /** Words that need an operand after them: they neither are values nor end an expression. */
    private static final Set<String> OPERATOR_WORDS = Set.of("new", "typeof", "void", "delete", "await", "in",
            "instanceof", "of", "yield", "async", "function", "class", "extends", "return", "throw", "case", "else",
            "do");

    /** Words followed by a parenthesis that is not a call. */
    private static final Set<String> NOT_CALLEES = Set.of("if", "for", "while", "switch", "catch", "with",
            "function", "return", "typeof", "void", "delete", "await", "yield", "in", "of", "instanceof", "new",
            "case", "throw", "else", "do", "async");

    /** Tokens that may begin a statement, so a line break before them ends the previous one. */
    private static final Set<String> STATEMENT_START_PUNCTUATORS = Set.of("{", "!", "~", "++", "--");

    private static final String STATEMENT_END = "';' or a new line";

    /**
     * How deep arrays and objects may nest in one value. A schema nests four or five levels; the parser and what reads
     * its values recurse once a level, so a cap far below the depth that would exhaust a thread's stack turns
     * {@code [[[[…} into a message instead of a StackOverflowError.
     */
    public static final int MAX_NESTING = 256;

    private final Path file;
    private final String text;
    private final Lexer lexer;
    private final TokenWindow tokens;
    private int index;
    /** Where function bodies being read start: their tokens are read again once the body's end is found. */
    private final Deque<Integer> bodyStarts = new ArrayDeque<>();
    /** Where the text not yet checked for strict JSON's white space starts. */
    private int jsonGapStart;
    private JsonRewriter jsonRewriter = JsonRewriter.NONE;
    private ModuleListener listener = ModuleListener.NONE;
    /** The top-level declaration whose value is being read, else null; and whether {@code export} stands before it. */
    private String declaring;
    private boolean declaringExported;
    /** How many arrays and objects enclose the current token. */
    private int nesting;
    /** One instance of each property name and short string value (see {@link #shared}). */
    private final Map<String, String> propertyNames = new HashMap<>();
    private static final int SHARED_STRING_LENGTH = 16;

    private ModuleParser(Path file, String text, boolean json) {
        this.file = file;
        this.text = text;
        this.lexer = new Lexer(file, text);
        this.tokens = new TokenWindow(lexer, this::lowestTokenInUse, json ? this::rejectNonJsonGap : token -> {
        });
    }

    /** The parser looks back at most two tokens, and to the start of each function body it is reading. */
    private int lowestTokenInUse() {
        int lowest = index - 2;
        return bodyStarts.isEmpty() ? lowest : Math.min(lowest, bodyStarts.peekFirst());
    }

    /** Parses an ES module: its imports and its top-level constants. */
    public static JsModule parseModule(Path file, String text) {
        return parseModule(file, text, ModuleListener.NONE);
    }

    /** {@link #parseModule(Path, String)}, telling the listener of each declaration as it is read. */
    public static JsModule parseModule(Path file, String text, ModuleListener listener) {
        ModuleParser parser = new ModuleParser(file, text, false);
        parser.listener = listener;
        return parser.module();
    }

    /**
     * Parses one JavaScript value on its own, such as a function's source written in a JSON schema
     * ({@code () => new Date()}) or a default ving pastes into its table files ({@code {}}).
     */
    public static JsValue parseValue(Path file, String text) {
        ModuleParser parser = new ModuleParser(file, text, false);
        JsValue value = parser.value(false, "the end of the value");
        Token rest = parser.peek();
        if (rest.kind() != TokenKind.EOF) {
            throw parser.error(rest, "Unexpected " + rest.describe() + " after the value — expected its end");
        }
        return value;
    }

    /** Parses strict JSON (RFC 8259): exactly one value, no comments, no trailing commas, no key twice in an object. */
    public static JsValue parseJson(Path file, String text) {
        return parseJson(file, text, JsonRewriter.NONE);
    }

    /** {@link #parseJson(Path, String)}, each value replaced by the rewriter's as it is made. */
    public static JsValue parseJson(Path file, String text, JsonRewriter rewriter) {
        ModuleParser parser = new ModuleParser(file, text, true);
        parser.jsonRewriter = rewriter;
        JsValue value = parser.jsonValue(null);
        Token rest = parser.peek();
        if (rest.kind() != TokenKind.EOF) {
            throw parser.error(rest, "Unexpected " + rest.describe() + " after the JSON value — expected end of file");
        }
        return value;
    }

    // ---- module statements ----

    private JsModule module() {
        Map<String, String> imports = new LinkedHashMap<>();
        List<Declaration> declarations = new ArrayList<>();
        Set<String> exportedNames = new HashSet<>();
        while (peek().kind() != TokenKind.EOF) {
            Token first = peek();
            if (first.is(";")) {
                index++;
            } else if (first.isWord("import") && !peek(1).is("(") && !peek(1).is(".")) {
                importStatement(imports);
            } else if (first.isWord("export")) {
                exportStatement(declarations, exportedNames);
            } else if (isDeclarationKeyword(first)) {
                declarations(declarations, false);
            } else {
                skipStatement();
            }
        }
        // `export { a, b }` may come before or after the declarations it exports
        List<Declaration> constants = declarations.stream()
                .map(d -> exportedNames.contains(d.name()) && !d.exported()
                        ? new Declaration(d.name(), d.value(), true, d.position())
                        : d)
                .toList();
        return new JsModule(file, imports, constants);
    }

    private void importStatement(Map<String, String> imports) {
        index++; // import
        List<String> locals = new ArrayList<>();
        if (peek().kind() != TokenKind.STRING) { // not `import 'x'`, which only runs the module
            importBindings(locals);
            expectWord("from", "'from' in the import statement");
        }
        Token specifier = advance();
        if (specifier.kind() != TokenKind.STRING) {
            throw unexpected(specifier, "a module name string");
        }
        if ((peek().isWord("with") || peek().isWord("assert")) && !peek().newlineBefore() && peek(1).is("{")) {
            index = matchingClose(index + 1) + 1; // import attributes: `with { type: 'json' }`
        }
        endStatement();
        locals.forEach(local -> imports.put(local, specifier.value()));
    }

    /** {@code def}, {@code * as ns}, {@code { a, b as c }} or a default followed by one of the others. */
    private void importBindings(List<String> locals) {
        if (peek().kind() == TokenKind.IDENTIFIER) {
            locals.add(advance().text());
            if (!accept(",")) {
                return;
            }
        }
        if (accept("*")) {
            expectWord("as", "'as' after 'import *'");
            locals.add(expectName("a name after 'as'"));
        } else if (accept("{")) {
            while (!accept("}")) {
                Token imported = advance();
                if (imported.kind() != TokenKind.IDENTIFIER && imported.kind() != TokenKind.STRING) {
                    throw unexpected(imported, "a name to import or '}'");
                }
                locals.add(acceptWord("as") ? expectName("a name after 'as'") : imported.text());
                if (!accept(",") && !peek().is("}")) {
                    throw unexpected(peek(), "',' or '}'");
                }
            }
        } else {
            throw unexpected(peek(), "a name, '*' or '{' after 'import'");
        }
    }

    private void exportStatement(List<Declaration> declarations, Set<String> exportedNames) {
        int start = index++;
        Token next = peek();
        if (isDeclarationKeyword(next)) {
            declarations(declarations, true);
        } else if (next.isWord("default")) {
            index++;
            Declaration declaration = new Declaration("default", value(true, STATEMENT_END), true, next.position());
            declarations.add(declaration);
            listener.declared(declaration);
            endStatement();
        } else if (next.is("{")) {
            exportList(exportedNames);
        } else {
            index = start; // export function/class/* …: not a constant, skip it whole
            skipStatement();
        }
    }

    /** {@code export { a, b as c }}; a re-export ({@code … from 'x'}) declares nothing here. */
    private void exportList(Set<String> exportedNames) {
        index++; // {
        List<String> locals = new ArrayList<>();
        while (!accept("}")) {
            locals.add(expectName("a name to export or '}'"));
            if (acceptWord("as")) {
                Token exported = advance();
                if (exported.kind() != TokenKind.IDENTIFIER && exported.kind() != TokenKind.STRING) {
                    throw unexpected(exported, "a name after 'as'");
                }
            }
            if (!accept(",") && !peek().is("}")) {
                throw unexpected(peek(), "',' or '}'");
            }
        }
        if (acceptWord("from")) {
            Token specifier = advance();
            if (specifier.kind() != TokenKind.STRING) {
                throw unexpected(specifier, "a module name string");
            }
        } else {
            exportedNames.addAll(locals);
        }
        endStatement();
    }

    /** {@code const a = 1, b;} from the keyword on. */
    private void declarations(List<Declaration> declarations, boolean exported) {
        String keyword = advance().text();
        do {
            Token name = peek();
            String identifier = expectName("a name after '" + keyword + "'");
            declaring = identifier;
            declaringExported = exported;
            JsValue value = accept("=") ? value(true, STATEMENT_END) : new JsUndefined(name.position());
            declaring = null;
            Declaration declaration = new Declaration(identifier, value, exported, name.position());
            declarations.add(declaration);
            listener.declared(declaration);
        } while (accept(","));
        endStatement();
    }

    private void endStatement() {
        Token next = peek();
        if (!accept(";") && next.kind() != TokenKind.EOF && !next.newlineBefore()) {
            throw unexpected(next, STATEMENT_END);
        }
    }

    /** Skips a statement this parser has no use for, keeping its brackets balanced. */
    private void skipStatement() {
        int keyword = index;
        while (tokens.get(keyword).isWord("export") || tokens.get(keyword).isWord("default")
                || tokens.get(keyword).isWord("async")) {
            keyword++;
        }
        // a function or class declaration ends with its body, without a semicolon
        boolean endsWithBody = tokens.get(keyword).isWord("function") || tokens.get(keyword).isWord("class");
        Token previous = null;
        while (peek().kind() != TokenKind.EOF) {
            Token token = peek();
            if (previous != null && (token.is(";") || endsAtNewline(previous, token))) {
                accept(";");
                return;
            }
            if (isCloser(token)) {
                throw unexpected(token, "a statement");
            }
            if (isOpener(token)) {
                index = matchingClose(index);
                if (endsWithBody && peek().is("}")) {
                    index++;
                    return;
                }
            }
            previous = advance();
        }
    }

    // ---- module values ----

    /**
     * A value up to the next {@code , ; ) ] }} outside brackets (or, at statement level, a line break where
     * JavaScript would insert a semicolon). {@code expected} names what may follow it, for errors.
     */
    private JsValue value(boolean statementLevel, String expected) {
        return value(statementLevel, expected, null);
    }

    /** {@link #value(boolean, String)}; an array literal's elements go to {@code sink} when it is not null. */
    private JsValue value(boolean statementLevel, String expected, ElementSink sink) {
        int start = index;
        Token first = peek();
        JsValue simple = simpleValue(statementLevel, expected, sink);
        if (simple == null) {
            index = start; // simpleValue looks at most one token ahead before it gives up
            return expression(statementLevel, expected);
        }
        Token last = tokens.get(index - 1);
        if (endsValue(peek(), last, statementLevel)) {
            return simple;
        }
        // e.g. `'a' + b` starts like a string but is an expression: it goes on from the string's end
        return new JsExpression(text.substring(first.start(), restOfExpression(last, statementLevel, expected).end()),
                first.position());
    }

    /** A literal, array, object, name or function; null when the value can only be an expression. */
    private JsValue simpleValue(boolean statementLevel, String expected, ElementSink sink) {
        Token token = peek();
        switch (token.kind()) {
            case STRING:
                index++;
                return new JsString(sharedIfShort(token.value()), token.position());
            case NUMBER:
                index++;
                return new JsNumber(numberValue(token.text()), token.text(), token.position());
            case PUNCTUATOR:
                if (token.is("[")) {
                    return array(sink);
                } else if (token.is("{")) {
                    return object();
                } else if (token.is("(") && isArrowAt(index)) {
                    return arrow(statementLevel, expected);
                } else if (token.is("-") && peek(1).kind() == TokenKind.NUMBER) {
                    Token number = tokens.get(index + 1);
                    index += 2;
                    return new JsNumber(-numberValue(number.text()), "-" + number.text(), token.position());
                }
                return null;
            case IDENTIFIER:
                return identifierValue(token, statementLevel, expected);
            default:
                return null;
        }
    }

    private JsValue identifierValue(Token token, boolean statementLevel, String expected) {
        boolean async = token.isWord("async");
        if (token.isWord("function") || (async && peek(1).isWord("function"))) {
            return functionExpression();
        }
        int arrowStart = async ? index + 1 : index;
        boolean singleParameter = tokens.get(arrowStart).kind() == TokenKind.IDENTIFIER
                && tokens.get(arrowStart + 1).is("=>");
        if (singleParameter || (async && tokens.get(arrowStart).is("(") && isArrowAt(arrowStart))) {
            return arrow(statementLevel, expected);
        }
        index++;
        return switch (token.text()) {
            case "true" -> new JsBoolean(true, token.position());
            case "false" -> new JsBoolean(false, token.position());
            case "null" -> new JsNull(token.position());
            case "undefined" -> new JsUndefined(token.position());
            default -> OPERATOR_WORDS.contains(token.text()) && !async ? null
                    : new JsIdentifier(token.text(), token.position());
        };
    }

    /** An array literal; its elements go to {@code sink}, when not null, instead of into the array. */
    private JsValue array(ElementSink sink) {
        Token open = advance();
        enterNesting(open);
        List<JsValue> elements = new ArrayList<>();
        while (!accept("]")) {
            JsValue element = value(false, "',' or ']'");
            if (sink == null) {
                elements.add(element);
            } else {
                sink.element(element);
            }
            if (!accept(",") && !peek().is("]")) {
                throw unexpected(peek(), "',' or ']'");
            }
        }
        nesting--;
        return sink == null ? new JsArray(List.copyOf(elements), open.position()) : sink.end(open.position());
    }

    private JsObject object() {
        Token open = advance();
        enterNesting(open);
        List<Member> members = new ArrayList<>();
        while (!accept("}")) {
            Token first = peek();
            members.add(accept("...") ? new Spread(value(false, "',' or '}'"), first.position()) : property(members));
            if (!accept(",") && !peek().is("}")) {
                throw unexpected(peek(), "',' or '}'");
            }
        }
        nesting--;
        return new JsObject(List.copyOf(members), open.position());
    }

    /** Counts one more array or object around what follows {@code open}, refusing more than {@link #MAX_NESTING}. */
    private void enterNesting(Token open) {
        if (++nesting > MAX_NESTING) {
            throw error(open, "Arrays and objects are nested more than " + MAX_NESTING + " deep here; a schema needs a "
                    + "few levels");
        }
    }

    /** {@code key: value}, shorthand {@code key}, or method {@code key(args) { … }}; {@code before} are the members before it. */
    private Property property(List<Member> before) {
        Token key = advance();
        String name = shared(switch (key.kind()) {
            case IDENTIFIER -> key.text();
            case STRING -> key.value();
            case NUMBER -> numberKey(numberValue(key.text()));
            default -> throw unexpected(key, "a property name");
        });
        if (key.kind() == TokenKind.IDENTIFIER && (peek().is(",") || peek().is("}"))) {
            return new Property(name, new JsIdentifier(name, key.position()), key.position());
        }
        if (peek().is("(")) {
            List<String> parameters = parameters();
            int bodyStart = enterBody();
            index = matchingClose(expect("{", "'{' to start the method body")) + 1;
            return new Property(name, function(key, parameters, bodyStart), key.position());
        }
        expect(":", "':' after property name '" + name + "'");
        // only the object a top-level declaration is initialised with offers its arrays to the listener
        ElementSink sink = nesting == 1 && declaring != null && peek().is("[")
                ? listener.elementsOf(declaring, declaringExported, name, Collections.unmodifiableList(before))
                : null;
        return new Property(name, value(false, "',' or '}'", sink), key.position());
    }

    /** {@code (a, b) => …}, {@code a => …}, {@code async (a) => …}. */
    private JsFunction arrow(boolean statementLevel, String expected) {
        Token first = peek();
        acceptWord("async");
        List<String> parameters = peek().is("(") ? parameters() : List.of(advance().text());
        expect("=>", "'=>'");
        int bodyStart = enterBody();
        if (peek().is("{")) {
            index = matchingClose(index) + 1;
        } else {
            expression(statementLevel, expected);
        }
        return function(first, parameters, bodyStart);
    }

    /** Whether the {@code (} at {@code open} starts arrow function parameters: {@code (…) =>}. */
    private boolean isArrowAt(int open) {
        return tokens.get(matchingClose(open) + 1).is("=>");
    }

    /** {@code function [name](…) {…}}, possibly {@code async} or a generator. */
    private JsFunction functionExpression() {
        Token first = peek();
        acceptWord("async");
        index++; // function
        accept("*");
        if (peek().kind() == TokenKind.IDENTIFIER) {
            index++; // the function's own name
        }
        if (!peek().is("(")) {
            throw unexpected(peek(), "'(' after 'function'");
        }
        List<String> parameters = parameters();
        int bodyStart = enterBody();
        index = matchingClose(expect("{", "'{' to start the function body")) + 1;
        return function(first, parameters, bodyStart);
    }

    /** Marks the current token as the start of a function body, kept until {@link #function} has read it. */
    private int enterBody() {
        bodyStarts.addLast(index);
        return index;
    }

    /** The function from {@code first} to the token before {@code index}, whose body starts at bodyStart. */
    private JsFunction function(Token first, List<String> parameters, int bodyStart) {
        String source = text.substring(first.start(), tokens.get(index - 1).end());
        JsFunction function = new JsFunction(parameters, source, firstCall(bodyStart, index),
                constructs(bodyStart, index), first.position());
        bodyStarts.removeLast();
        return function;
    }

    /** The parameter list at the current {@code (}: plain names, or the source text of a pattern. */
    private List<String> parameters() {
        int close = matchingClose(index);
        List<String> parameters = new ArrayList<>();
        int i = index + 1;
        while (i < close) {
            int paramStart = i;
            while (i < close && !tokens.get(i).is(",")) {
                i = isOpener(tokens.get(i)) ? matchingClose(i) + 1 : i + 1;
            }
            Token first = tokens.get(paramStart);
            if (i == paramStart) {
                throw unexpected(first, "a parameter name");
            }
            boolean named = first.kind() == TokenKind.IDENTIFIER
                    && (i == paramStart + 1 || tokens.get(paramStart + 1).is("=")); // `a` or `a = 1`
            parameters.add(named ? first.text() : text.substring(first.start(), tokens.get(i - 1).end()));
            i++; // the comma
        }
        index = close + 1;
        return parameters;
    }

    /** Any expression, as its source text; stops where {@link #endsValue} says. */
    private JsExpression expression(boolean statementLevel, String expected) {
        Token first = peek();
        Token last = restOfExpression(null, statementLevel, expected);
        if (last == null) {
            throw unexpected(peek(), "a value");
        }
        return new JsExpression(text.substring(first.start(), last.end()), first.position());
    }

    /** Moves past the rest of an expression read up to {@code previous} (null: none yet); returns its last token. */
    private Token restOfExpression(Token previous, boolean statementLevel, String expected) {
        while (!endsValue(peek(), previous, statementLevel)) {
            Token token = peek();
            if (previous != null && endsOperand(previous) && startsOperand(token)) {
                throw unexpected(token, expected); // e.g. a missing comma: `{ a: 1 b: 2 }`
            }
            if (isOpener(token)) {
                index = matchingClose(index);
            }
            previous = advance();
        }
        return previous;
    }

    private boolean endsValue(Token token, Token previous, boolean statementLevel) {
        if (token.kind() == TokenKind.EOF || isCloser(token) || token.is(",") || token.is(";")) {
            return true;
        }
        return statementLevel && previous != null && endsAtNewline(previous, token);
    }

    /** Automatic semicolon insertion: does a line break between these two tokens end the statement? */
    private static boolean endsAtNewline(Token previous, Token next) {
        if (!next.newlineBefore()) {
            return false;
        }
        boolean previousAwaitsOperand = previous.kind() == TokenKind.PUNCTUATOR
                ? !(isCloser(previous) || previous.is("++") || previous.is("--"))
                : previous.kind() == TokenKind.IDENTIFIER && OPERATOR_WORDS.contains(previous.text());
        boolean nextContinues = next.kind() == TokenKind.PUNCTUATOR
                ? !STATEMENT_START_PUNCTUATORS.contains(next.text())
                : next.kind() == TokenKind.TEMPLATE || next.isWord("in") || next.isWord("instanceof")
                        || next.isWord("of");
        return !previousAwaitsOperand && !nextContinues;
    }

    private static boolean endsOperand(Token token) {
        return startsOperand(token) || token.kind() == TokenKind.TEMPLATE || token.kind() == TokenKind.REGEX
                || isCloser(token);
    }

    private static boolean startsOperand(Token token) {
        return switch (token.kind()) {
            case STRING, NUMBER -> true;
            case IDENTIFIER -> !OPERATOR_WORDS.contains(token.text());
            default -> false;
        };
    }

    /** The dotted callee of the first call in tokens [from, to), e.g. {@code crypto.randomBytes}. */
    private Optional<String> firstCall(int from, int to) {
        for (int paren = from + 1; paren < to; paren++) {
            Token callee = tokens.get(paren - 1);
            if (!tokens.get(paren).is("(") || callee.kind() != TokenKind.IDENTIFIER
                    || NOT_CALLEES.contains(callee.text()) || isArrowAt(paren)) {
                continue;
            }
            int head = paren - 1;
            while (head - 2 >= from && (tokens.get(head - 1).is(".") || tokens.get(head - 1).is("?."))
                    && tokens.get(head - 2).kind() == TokenKind.IDENTIFIER) {
                head -= 2;
            }
            Token before = head > from ? tokens.get(head - 1) : null;
            if (before != null && (before.is(".") || before.is("?.") || before.isWord("new")
                    || before.isWord("function"))) {
                continue; // a method of a computed value, a constructor, or a nested function's name
            }
            StringBuilder name = new StringBuilder();
            for (int i = head; i < paren; i++) {
                name.append(tokens.get(i).text());
            }
            return Optional.of(name.toString());
        }
        return Optional.empty();
    }

    /** {@code X} when the body in tokens [from, to) is {@code new X(…)} or {@code { return new X(…); }}. */
    private Optional<String> constructs(int from, int to) {
        int i = from;
        int end = to;
        if (tokens.get(from).is("{")) {
            i++;
            end--;
            if (i >= end || !tokens.get(i).isWord("return")) {
                return Optional.empty();
            }
            i++;
            if (tokens.get(end - 1).is(";")) {
                end--;
            }
        }
        if (i + 1 >= end || !tokens.get(i).isWord("new") || tokens.get(i + 1).kind() != TokenKind.IDENTIFIER) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder(tokens.get(i + 1).text());
        int j = i + 2;
        while (j + 1 < end && tokens.get(j).is(".") && tokens.get(j + 1).kind() == TokenKind.IDENTIFIER) {
            name.append('.').append(tokens.get(j + 1).text());
            j += 2;
        }
        boolean wholeBody = j == end || (tokens.get(j).is("(") && matchingClose(j) == end - 1);
        return wholeBody ? Optional.of(name.toString()) : Optional.empty();
    }

    // ---- strict JSON ----

    /** A JSON value; an array's elements go to {@code sink} when it is not null. */
    private JsValue jsonValue(ElementSink sink) {
        Token token = advance();
        switch (token.kind()) {
            case STRING:
                return new JsString(sharedIfShort(jsonString(token)), token.position());
            case NUMBER:
                return jsonNumber(token, token, "");
            case PUNCTUATOR:
                if (token.is("{") || token.is("[")) {
                    enterNesting(token);
                    JsValue nested = token.is("{") ? jsonRewriter.object(jsonObject(token)) : jsonArray(token, sink);
                    nesting--;
                    return nested;
                } else if (token.is("-") && peek().kind() == TokenKind.NUMBER && peek().start() == token.end()) {
                    return jsonNumber(token, advance(), "-");
                }
                break;
            case IDENTIFIER:
                switch (token.text()) {
                    case "true":
                        return new JsBoolean(true, token.position());
                    case "false":
                        return new JsBoolean(false, token.position());
                    case "null":
                        return new JsNull(token.position());
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        throw unexpected(token, "a JSON value");
    }

    private JsObject jsonObject(Token open) {
        List<Member> members = new ArrayList<>();
        Map<String, Token> keys = new HashMap<>();
        if (accept("}")) {
            return new JsObject(List.copyOf(members), open.position());
        }
        while (true) {
            Token key = advance();
            if (key.kind() != TokenKind.STRING) {
                throw key.is("}") ? trailingComma(tokens.get(index - 2))
                        : error(key, "Expected '\"' to start a property name, found " + key.describe());
            }
            String name = shared(jsonString(key));
            Token first = keys.putIfAbsent(name, key);
            if (first != null) {
                // JSON leaves a repeated key's meaning open; JavaScript's JSON.parse keeps the last, silently
                throw error(key, "Duplicate key " + key.text() + " (first on line " + first.position().line()
                        + "): a JSON reader would keep only the last value; remove one");
            }
            Token colon = advance();
            if (!colon.is(":")) {
                throw error(colon,
                        "Expected ':' after the property name " + key.text() + ", found " + colon.describe());
            }
            // only the outermost object offers its arrays to the rewriter
            ElementSink sink = nesting == 1 && peek().is("[")
                    ? jsonRewriter.elementsOf(name, Collections.unmodifiableList(members))
                    : null;
            members.add(new Property(name, jsonRewriter.property(name, jsonValue(sink)), key.position()));
            Token next = advance();
            if (next.is("}")) {
                return new JsObject(List.copyOf(members), open.position());
            } else if (!next.is(",")) {
                throw error(next, "Expected ',' or '}' after a property value, found " + next.describe());
            }
        }
    }

    /** A JSON array; its elements go to {@code sink}, when not null, instead of into the array. */
    private JsValue jsonArray(Token open, ElementSink sink) {
        List<JsValue> elements = new ArrayList<>();
        if (accept("]")) {
            return sink == null ? new JsArray(List.copyOf(elements), open.position()) : sink.end(open.position());
        }
        while (true) {
            if (peek().is("]")) {
                throw trailingComma(tokens.get(index - 1));
            }
            JsValue element = jsonValue(null);
            if (sink == null) {
                elements.add(element);
            } else {
                sink.element(element);
            }
            Token next = advance();
            if (next.is("]")) {
                return sink == null ? new JsArray(List.copyOf(elements), open.position()) : sink.end(open.position());
            } else if (!next.is(",")) {
                throw error(next, "Expected ',' or ']' after an array element, found " + next.describe());
            }
        }
    }

    private JsSyntaxException trailingComma(Token comma) {
        return error(comma, "Trailing comma is not allowed in JSON");
    }

    /** The string's value, after checking what JavaScript accepts but JSON does not. */
    private String jsonString(Token token) {
        // checked where it stands in the file, rather than in a copy of its text made for each string only to look at
        int start = token.start();
        int end = token.end();
        if (text.charAt(start) != '"') {
            throw error(token, "Strings in JSON must use double quotes, found " + token.describe());
        }
        for (int i = start + 1; i < end - 1; i++) {
            char c = text.charAt(i);
            if (c < ' ') {
                throw new JsSyntaxException(file, lexer.positionAt(i),
                        String.format("Control character U+%04X must be escaped in a JSON string", (int) c));
            }
            if (c == '\\') {
                char escaped = text.charAt(++i);
                boolean valid = "\"\\/bfnrt".indexOf(escaped) >= 0
                        || escaped == 'u' && i + 4 < end && isHex(text.substring(i + 1, i + 5));
                if (!valid) {
                    throw new JsSyntaxException(file, lexer.positionAt(i - 1),
                            "Invalid escape '\\" + escaped + "' in a JSON string");
                }
            }
        }
        return token.value();
    }

    private JsNumber jsonNumber(Token first, Token number, String sign) {
        if (!isJsonNumber(number.text())) {
            throw error(first, "Invalid JSON number '" + sign + number.text() + "'");
        }
        double value = numberValue(number.text());
        return new JsNumber(sign.isEmpty() ? value : -value, sign + number.text(), first.position());
    }

    /** RFC 8259: {@code int [frac] [exp]} with no leading zeros, no bare dot, no hex. */
    private static boolean isJsonNumber(String text) {
        int i = 0;
        int n = text.length();
        if (text.startsWith("0")) {
            i = 1;
        } else {
            i = skipDigits(text, i);
            if (i == 0) {
                return false;
            }
        }
        if (i < n && text.charAt(i) == '.') {
            int digits = ++i;
            i = skipDigits(text, i);
            if (i == digits) {
                return false;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            i = skipDigits(text, i);
            if (i == digits) {
                return false;
            }
        }
        return i == n;
    }

    private static int skipDigits(String text, int i) {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isHex(String digits) {
        return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** JSON allows only spaces, tabs and line breaks between tokens; the lexer also skips comments. */
    private void rejectNonJsonGap(Token token) {
        for (int i = jsonGapStart; i < token.start(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (i == 0 && c == '\uFEFF')) {
                continue;
            }
            String problem = c == '/' ? "Comments are not allowed in JSON"
                    : String.format("Unexpected character U+%04X — JSON allows only spaces, tabs and line breaks"
                            + " between values", (int) c);
            throw new JsSyntaxException(file, lexer.positionAt(i), problem);
        }
        jsonGapStart = token.end();
    }

    // ---- shared helpers ----

    static double numberValue(String literal) {
        String digits = literal.replace("_", "");
        if (digits.length() > 2 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            int radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new BigInteger(digits.substring(2), radix).doubleValue();
        }
        return Double.parseDouble(digits);
    }

    /** A numeric key as JavaScript names it: {@code 1.0} and {@code 0x1} are both key "1". */
    private static String numberKey(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * One instance of each property name: a file of many props writes {@code type}, {@code name}, {@code view} …
     * once a prop, and the value tree keeps every one until the file is read.
     */
    private String shared(String key) {
        String known = propertyNames.putIfAbsent(key, key);
        return known == null ? key : known;
    }

    /** Short strings are shared too: types, roles and helper names come back in every prop. */
    private String sharedIfShort(String value) {
        return value.length() <= SHARED_STRING_LENGTH ? shared(value) : value;
    }

    /** The index of the bracket that closes the one at {@code open}. */
    private int matchingClose(int open) {
        Deque<Token> openers = new ArrayDeque<>();
        for (int i = open;; i++) {
            Token token = tokens.get(i);
            if (isOpener(token)) {
                openers.push(token);
            } else if (isCloser(token) || token.kind() == TokenKind.EOF) {
                Token opener = openers.pop();
                String closer = closerOf(opener);
                if (!token.is(closer)) {
                    throw unexpected(token, "'" + closer + "' to close '" + opener.text() + "' at line "
                            + opener.position().line());
                }
                if (openers.isEmpty()) {
                    return i;
                }
            }
        }
    }

    private static boolean isOpener(Token token) {
        return token.is("(") || token.is("[") || token.is("{");
    }

    private static boolean isCloser(Token token) {
        return token.is(")") || token.is("]") || token.is("}");
    }

    private static String closerOf(Token opener) {
        return switch (opener.text()) {
            case "(" -> ")";
            case "[" -> "]";
            default -> "}";
        };
    }

    private static boolean isDeclarationKeyword(Token token) {
        return token.kind() == TokenKind.IDENTIFIER && DECLARATION_KEYWORDS.contains(token.text());
    }

    private Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (the EOF token past the end). */
    private Token peek(int ahead) {
        return tokens.get(index + ahead);
    }

    /** The current token, moving past it (but never past EOF). */
    private Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.EOF) {
            index++;
        }
        return token;
    }

    private boolean accept(String punctuator) {
        if (peek().is(punctuator)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Moves past the punctuator, returning its index, or fails naming {@code expected}. */
    private int expect(String punctuator, String expected) {
        if (!peek().is(punctuator)) {
            throw unexpected(peek(), expected);
        }
        return index++;
    }

    private void expectWord(String word, String expected) {
        if (!acceptWord(word)) {
            throw unexpected(peek(), expected);
        }
    }

    private String expectName(String expected) {
        if (peek().kind() != TokenKind.IDENTIFIER) {
            throw unexpected(peek(), expected);
        }
        return advance().text();
    }

    private JsSyntaxException unexpected(Token found, String expected) {
        return error(found, "Unexpected " + found.describe() + " — expected " + expected);
    }

    private JsSyntaxException error(Token token, String message) {
        return new JsSyntaxException(file, token.position(), message);
    }
}
