package io.quarkiverse.ving.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.JsModule.Declaration;
import io.quarkiverse.ving.js.JsSyntaxException;
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
import io.quarkiverse.ving.js.JsValue.Property;
import io.quarkiverse.ving.js.JsValue.Spread;

class ModuleParserTest {

    private static final Path FILE = Path.of("ving/schema/widget.mjs");

    private static final String WIDGET = """
            import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar, zodString, dbEnum, dbRelation } from '../helpers.mjs';
            import crypto from 'crypto';
            /** Doc comment */
            export const widgetSchema = {
                kind: 'Widget',               // PascalCase
                tableName: "widgets",
                owner: ['$userId', 'admin'],
                props: [
                    { ...baseSchemaId },
                    { ...baseSchemaCreatedAt },
                    {
                        type: "string", name: "name", required: true, unique: true, uniqueQualifiers: ['userId'],
                        length: 60, default: '', filterQuery: true,
                        db: (prop) => dbVarChar(prop), zod: (prop) => zodString(prop).email(),
                        view: ['public'], edit: ['owner'],
                    },
                    { type: "date", name: "startAt", default: () => new Date(), db: (prop) => dbTimestamp(prop), view: [], edit: [] },
                    { type: "string", name: "key", default: () => 'pk_' + crypto.randomBytes(18).toString('hex'), db: prop => dbVarChar(prop) },
                    { type: "id", name: "userId", required: true, relation: { type: 'parent', name: 'user', kind: 'User' }, default: undefined, db: (prop) => dbRelation(prop) },
                ],
            };
            export const RoleOptions = ['admin', 'developer', 'verifiedEmail'];
            export const extensionMap = { mp3: 'audio', png: 'image', mp3: 'audio2' }; // repeated key is legal
            """;

    private static JsModule module(String text) {
        return ModuleParser.parseModule(FILE, text);
    }

    /** The value of the single declaration in {@code const x = <value>}. */
    private static JsValue value(String valueText) {
        return module("const x = " + valueText).constants().get(0).value();
    }

    private static JsFunction function(String valueText) {
        return assertInstanceOf(JsFunction.class, value(valueText));
    }

    private static String expression(String valueText) {
        return assertInstanceOf(JsExpression.class, value(valueText)).source();
    }

    private static JsSyntaxException moduleError(String text) {
        return assertThrows(JsSyntaxException.class, () -> module(text));
    }

    private static JsValue get(JsValue object, String key) {
        return assertInstanceOf(JsObject.class, object).get(key).orElseThrow(() -> new AssertionError("no " + key));
    }

    private static String string(JsValue value) {
        return assertInstanceOf(JsString.class, value).value();
    }

    private static List<JsValue> elements(JsValue value) {
        return assertInstanceOf(JsArray.class, value).elements();
    }

    @Nested
    class WidgetExample {

        private final JsModule module = module(WIDGET);

        @Test
        void imports() {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String name : List.of("baseSchemaId", "baseSchemaCreatedAt", "baseSchemaUpdatedAt", "dbVarChar",
                    "zodString", "dbEnum", "dbRelation")) {
                expected.put(name, "../helpers.mjs");
            }
            expected.put("crypto", "crypto");
            assertEquals(expected, module.imports());
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(module.imports().keySet()));
        }

        @Test
        void declarations() {
            assertEquals(List.of("widgetSchema", "RoleOptions", "extensionMap"),
                    module.constants().stream().map(Declaration::name).toList());
            assertTrue(module.constants().stream().allMatch(Declaration::exported));
            assertEquals(new SourcePosition(4, 14), module.constants().get(0).position());
            assertEquals(FILE, module.file());
        }

        @Test
        void topLevelProperties() {
            JsValue schema = module.constants().get(0).value();
            assertEquals(new SourcePosition(4, 29), schema.position());
            assertEquals("Widget", string(get(schema, "kind")));
            assertEquals(new SourcePosition(5, 11), get(schema, "kind").position());
            assertEquals("widgets", string(get(schema, "tableName")));
            assertEquals(List.of("$userId", "admin"),
                    elements(get(schema, "owner")).stream().map(ModuleParserTest::string).toList());
            assertEquals(6, elements(get(schema, "props")).size());
        }

        @Test
        void spreads() {
            JsObject first = assertInstanceOf(JsObject.class, elements(get(module.constants().get(0).value(), "props")).get(0));
            Spread spread = assertInstanceOf(Spread.class, first.members().get(0));
            assertEquals(new JsIdentifier("baseSchemaId", new SourcePosition(9, 14)), spread.value());
            assertEquals(new SourcePosition(9, 11), spread.position());
        }

        @Test
        void stringProperty() {
            JsValue name = elements(get(module.constants().get(0).value(), "props")).get(2);
            assertEquals("string", string(get(name, "type")));
            assertEquals(new JsBoolean(true, new SourcePosition(12, 53)), get(name, "required"));
            assertEquals(List.of("userId"),
                    elements(get(name, "uniqueQualifiers")).stream().map(ModuleParserTest::string).toList());
            JsNumber length = assertInstanceOf(JsNumber.class, get(name, "length"));
            assertEquals(60.0, length.value());
            assertEquals("60", length.text());
            assertTrue(length.isInteger());
            assertEquals("", string(get(name, "default")));

            JsFunction db = assertInstanceOf(JsFunction.class, get(name, "db"));
            assertEquals(List.of("prop"), db.parameters());
            assertEquals("(prop) => dbVarChar(prop)", db.source());
            assertEquals(Optional.of("dbVarChar"), db.firstCall());
            assertEquals(Optional.empty(), db.constructs());
            assertEquals(new SourcePosition(14, 17), db.position());

            JsFunction zod = assertInstanceOf(JsFunction.class, get(name, "zod"));
            assertEquals("(prop) => zodString(prop).email()", zod.source());
            assertEquals(Optional.of("zodString"), zod.firstCall());
            assertEquals(List.of("owner"), elements(get(name, "edit")).stream().map(ModuleParserTest::string).toList());
        }

        @Test
        void defaultFunctions() {
            List<JsValue> props = elements(get(module.constants().get(0).value(), "props"));
            JsFunction startAt = assertInstanceOf(JsFunction.class, get(props.get(3), "default"));
            assertEquals(List.of(), startAt.parameters());
            assertEquals("() => new Date()", startAt.source());
            assertEquals(Optional.of("Date"), startAt.constructs());
            assertEquals(Optional.empty(), startAt.firstCall());
            assertEquals(List.of(), elements(get(props.get(3), "view")));

            JsFunction key = assertInstanceOf(JsFunction.class, get(props.get(4), "default"));
            assertEquals("() => 'pk_' + crypto.randomBytes(18).toString('hex')", key.source());
            assertEquals(Optional.of("crypto.randomBytes"), key.firstCall());
            assertEquals(Optional.empty(), key.constructs());
            JsFunction db = assertInstanceOf(JsFunction.class, get(props.get(4), "db"));
            assertEquals(List.of("prop"), db.parameters());
            assertEquals("prop => dbVarChar(prop)", db.source());
        }

        @Test
        void relationAndUndefined() {
            JsValue userId = elements(get(module.constants().get(0).value(), "props")).get(5);
            JsValue relation = get(userId, "relation");
            assertEquals("parent", string(get(relation, "type")));
            assertEquals("User", string(get(relation, "kind")));
            assertInstanceOf(JsUndefined.class, get(userId, "default"));
            assertEquals(Optional.of("dbRelation"), assertInstanceOf(JsFunction.class, get(userId, "db")).firstCall());
        }

        @Test
        void repeatedKeysAreAllKeptAndTheLastWins() {
            JsObject map = assertInstanceOf(JsObject.class, module.constants().get(2).value());
            assertEquals(List.of("mp3", "png", "mp3"),
                    map.members().stream().map(m -> ((Property) m).key()).toList());
            assertEquals("audio2", string(map.get("mp3").orElseThrow()));
            assertEquals(Optional.empty(), map.get("wav"));
        }
    }

    @Nested
    class Statements {

        @Test
        void everyImportForm() {
            JsModule module = module("""
                    import 'side-effect';
                    import def from "./a.mjs"
                    import * as ns from './b.mjs';
                    import { a, b as c, default as d, } from './c.mjs';
                    import e, { f } from './e.mjs';
                    import g, * as h from './g.mjs';
                    import data from './d.json' with { type: 'json' };
                    """);
            assertEquals(Map.of("def", "./a.mjs", "ns", "./b.mjs", "a", "./c.mjs", "c", "./c.mjs", "d", "./c.mjs",
                    "e", "./e.mjs", "f", "./e.mjs", "g", "./g.mjs", "h", "./g.mjs", "data", "./d.json"),
                    module.imports());
            assertEquals(List.of(), module.constants());
        }

        @Test
        void constLetVarExportDefaultAndExportList() {
            JsModule module = module("""
                    const a = 1, b = 'two';
                    let c
                    var d = null
                    export { a, b as bee }
                    export { zz } from './elsewhere.mjs';
                    export default { kind: 'X' };
                    """);
            List<Declaration> constants = module.constants();
            assertEquals(List.of("a", "b", "c", "d", "default"), constants.stream().map(Declaration::name).toList());
            assertEquals(List.of(true, true, false, false, true), constants.stream().map(Declaration::exported).toList());
            assertInstanceOf(JsUndefined.class, constants.get(2).value());
            assertEquals(new JsNull(new SourcePosition(3, 9)), constants.get(3).value());
            assertEquals("X", string(get(constants.get(4).value(), "kind")));
            assertEquals(new SourcePosition(6, 8), constants.get(4).position());
        }

        @Test
        void asiAtNewlinesEndsTopLevelStatements() {
            JsModule module = module("""
                    export const a = 1
                    export const b = a + 1
                    const c = {
                        x: 1
                    }
                    const d = a
                        .toString()
                    const e = () => dbText(prop)
                    const f = 'last'""");
            List<Declaration> constants = module.constants();
            assertEquals(List.of("a", "b", "c", "d", "e", "f"), constants.stream().map(Declaration::name).toList());
            assertEquals(1.0, assertInstanceOf(JsNumber.class, constants.get(0).value()).value());
            assertEquals("a + 1", assertInstanceOf(JsExpression.class, constants.get(1).value()).source());
            assertEquals("a\n    .toString()", assertInstanceOf(JsExpression.class, constants.get(3).value()).source());
            assertEquals("() => dbText(prop)", assertInstanceOf(JsFunction.class, constants.get(4).value()).source());
            assertEquals("last", string(constants.get(5).value()));
        }

        @Test
        void otherTopLevelStatementsAreSkipped() {
            JsModule module = module("""
                    'use strict';
                    export function helper(a = {}) {
                        return { a };
                    }
                    export class Thing extends Base { method() { return 1; } }
                    export async function later() {}
                    function local() {}
                    export * from './all.mjs'
                    console.log('hi', { a: [1] })
                    if (x) { y(); }
                    ;
                    export const kept = true;
                    """);
            assertEquals(List.of("kept"), module.constants().stream().map(Declaration::name).toList());
            assertEquals(new JsBoolean(true, new SourcePosition(12, 21)), module.constants().get(0).value());
        }

        @Test
        void missingSemicolonOnOneLine() {
            JsSyntaxException e = moduleError("const a = 1 const b = 2");
            assertEquals("Unexpected 'const' — expected ';' or a new line", e.problem());
            assertEquals(new SourcePosition(1, 13), e.position());
        }

        @Test
        void statementErrors() {
            assertEquals("Unexpected '{' — expected a name after 'const'", moduleError("const { a } = b").problem());
            assertEquals("Unexpected 'x' — expected 'from' in the import statement",
                    moduleError("import a 'x'").problem());
            assertEquals("Unexpected 'x' — expected a module name string", moduleError("import a from x").problem());
            assertEquals("Unexpected '}' — expected a statement", moduleError("const a = 1\n}").problem());
            assertEquals(2, moduleError("const a = 1\n}").position().line());
            assertEquals("Unexpected ')' — expected ';' or a new line", moduleError("const a = 1)").problem());
            assertEquals("Unexpected ';' — expected a value", moduleError("const a = ;").problem());
            assertEquals("Unexpected end of file — expected a value", moduleError("export default").problem());
        }

        @Test
        void messagesLeadWithFileAndLine() {
            JsSyntaxException e = moduleError("const a = [\n  1,\n  ,\n]");
            assertEquals("ving/schema/widget.mjs:3: Unexpected ',' — expected a value", e.getMessage());
            assertEquals(new SourcePosition(3, 3), e.position());
            assertEquals(FILE, e.file());
        }

        @Test
        void lexerErrorsComeThrough() {
            JsSyntaxException e = moduleError("const a = 'open\n");
            assertEquals("Unterminated string literal: missing closing '", e.problem());
            assertEquals(1, e.position().line());
        }
    }

    @Nested
    class Values {

        @Test
        void literals() {
            assertEquals(new JsString("a\nb", new SourcePosition(1, 11)), value("'a\\nb'"));
            assertEquals(new JsString("it's", new SourcePosition(1, 11)), value("\"it's\""));
            assertEquals(new JsBoolean(false, new SourcePosition(1, 11)), value("false"));
            assertEquals(new JsNull(new SourcePosition(1, 11)), value("null"));
            assertEquals(new JsUndefined(new SourcePosition(1, 11)), value("undefined"));
            assertEquals(new JsIdentifier("baseSchemaId", new SourcePosition(1, 11)), value("baseSchemaId"));
        }

        @Test
        void numbers() {
            assertEquals(new JsNumber(31, "0x1F", new SourcePosition(1, 11)), value("0x1F"));
            assertEquals(new JsNumber(-5, "-5", new SourcePosition(1, 11)), value("-5"));
            assertEquals(new JsNumber(-2.5e-3, "-2.5e-3", new SourcePosition(1, 11)), value("-2.5e-3"));
            assertEquals(new JsNumber(1000, "1_000", new SourcePosition(1, 11)), value("1_000"));
            assertEquals(new JsNumber(5, "0b101", new SourcePosition(1, 11)), value("0b101"));
            assertEquals(new JsNumber(0.5, ".5", new SourcePosition(1, 11)), value(".5"));
            assertEquals("-x", expression("-x"));
            assertEquals("-5 * 2", expression("-5 * 2"));
        }

        @Test
        void anyOtherExpressionKeepsItsExactSource() {
            assertEquals("'a' + 'b'", expression("'a' + 'b'"));
            assertEquals("cond ? { a: 1 } : [2, 3]", expression("cond ? { a: 1 } : [2, 3]"));
            assertEquals("new Date()", expression("new Date()"));
            assertEquals("`id-${n}`", expression("`id-${n}`"));
            assertEquals("/^[a-z]+$/i", expression("/^[a-z]+$/i"));
            assertEquals("foo(1, 2)", expression("foo(1, 2)"));
            assertEquals("a.b.c", expression("a.b.c"));
            assertEquals("[1, 2].map(x => x * 2)", expression("[1, 2].map(x => x * 2)"));
            assertEquals("(1 + 2)", expression("(1 + 2)"));
            assertEquals("typeof x === 'string'", expression("typeof x === 'string'"));
            JsArray array = assertInstanceOf(JsArray.class, value("[a ? b : c, d]"));
            assertEquals(new JsExpression("a ? b : c", new SourcePosition(1, 12)), array.elements().get(0));
            assertEquals(new JsIdentifier("d", new SourcePosition(1, 23)), array.elements().get(1));
        }

        @Test
        void objectKeysOfEveryKind() {
            JsObject object = assertInstanceOf(JsObject.class, value(
                    "{ 'a-b': 1, \"c\": 2, 3: 'three', 0x10: 'sixteen', 1.5: 'x', "
                            + "default: 4, type: 5, new: 6, name, ...rest, }"));
            List<String> keys = object.members().stream()
                    .map(m -> m instanceof Property p ? p.key() : "<spread>").toList();
            assertEquals(List.of("a-b", "c", "3", "16", "1.5", "default", "type", "new", "name", "<spread>"), keys);
            assertEquals(new JsIdentifier("name", new SourcePosition(1, 99)), object.get("name").orElseThrow());
            assertEquals(new Property("new", new JsNumber(6, "6", new SourcePosition(1, 96)), new SourcePosition(1, 91)),
                    object.members().get(7));
        }

        @Test
        void methodShorthandIsAFunction() {
            JsFunction method = assertInstanceOf(JsFunction.class, get(value("{ db(prop) { return dbInt(prop); } }"), "db"));
            assertEquals("db(prop) { return dbInt(prop); }", method.source());
            assertEquals(Optional.of("dbInt"), method.firstCall());
        }

        @Test
        void trailingCommasAndComments() {
            JsArray array = assertInstanceOf(JsArray.class, value("[ /* first */ 1, // one\n 2, ]"));
            assertEquals(2, array.elements().size());
            assertEquals(new SourcePosition(2, 2), array.elements().get(1).position());
        }

        @Test
        void valueErrors() {
            assertEquals("Unexpected ',' — expected a value", moduleError("const x = [1,,2]").problem());
            JsSyntaxException missingComma = moduleError("const x = {\n  a: 1\n  b: 2\n}");
            assertEquals("Unexpected 'b' — expected ',' or '}'", missingComma.problem());
            assertEquals(3, missingComma.position().line());
            assertEquals("Unexpected '2' — expected ',' or ']'", moduleError("const x = [1 2]").problem());
            assertEquals("Unexpected '=' — expected ':' after property name 'a'", moduleError("const x = { a = 1 }").problem());
            assertEquals("Unexpected '[' — expected a property name", moduleError("const x = { [k]: 1 }").problem());
            assertEquals("Unexpected ')' — expected ',' or ']'", moduleError("const x = [1, 2)").problem());
            JsSyntaxException unclosed = moduleError("const x = {\n  a: f(1,\n");
            assertEquals("Unexpected end of file — expected ')' to close '(' at line 2", unclosed.problem());
            assertEquals(3, unclosed.position().line());
            assertEquals("Unexpected ']' — expected ')' to close '(' at line 1",
                    moduleError("const x = f(1]").problem());
            assertEquals("Unexpected end of file — expected ',' or '}'", moduleError("const x = { a: 1").problem());
        }
    }

    @Nested
    class Functions {

        @Test
        void blockBodyWithReturn() {
            JsFunction f = function("(a, b) => { return a + b; }");
            assertEquals(List.of("a", "b"), f.parameters());
            assertEquals("(a, b) => { return a + b; }", f.source());
            assertEquals(Optional.empty(), f.firstCall());
            assertEquals(Optional.of("dbText"), function("(prop) => { return dbText(prop); }").firstCall());
        }

        @Test
        void asyncArrowsAndFunctionExpressions() {
            JsFunction async = function("async (x) => await load(x)");
            assertEquals("async (x) => await load(x)", async.source());
            assertEquals(Optional.of("load"), async.firstCall());
            assertEquals(List.of("x"), function("async x => x").parameters());
            JsFunction plain = function("function (x) { if (x) { return dbText(x); } }");
            assertEquals(List.of("x"), plain.parameters());
            assertEquals(Optional.of("dbText"), plain.firstCall());
            assertEquals("async function named() { return 1 }", function("async function named() { return 1 }").source());
        }

        @Test
        void parametersKeepPatternsAsSource() {
            JsFunction f = function("function (a = 1, { b, c }, [d], ...rest,) {}");
            assertEquals(List.of("a", "{ b, c }", "[d]", "...rest"), f.parameters());
        }

        @Test
        void firstCallIsTheDottedCallee() {
            assertEquals(Optional.of("crypto.randomUUID"), function("() => crypto.randomUUID()").firstCall());
            assertEquals(Optional.of("a.b.c"), function("() => x + a.b.c(1).d()").firstCall());
            assertEquals(Optional.of("outer"), function("() => outer(inner())").firstCall());
            assertEquals(Optional.of("map"), function("(list) => list.length ? map(list) : []").firstCall());
            assertEquals(Optional.of("xs.map"), function("(xs) => xs.map((x) => f(x))").firstCall());
            assertEquals(Optional.empty(), function("() => new Date().toISOString()").firstCall());
            assertEquals(Optional.empty(), function("(p) => p.value").firstCall());
        }

        @Test
        void constructsOnlyASingleNewExpression() {
            assertEquals(Optional.of("Date"), function("() => new Date()").constructs());
            assertEquals(Optional.of("Date"), function("() => new Date").constructs());
            assertEquals(Optional.of("Date"), function("() => { return new Date(); }").constructs());
            assertEquals(Optional.of("Intl.Locale"), function("() => new Intl.Locale('en')").constructs());
            assertEquals(Optional.empty(), function("() => new Date().getTime()").constructs());
            assertEquals(Optional.empty(), function("() => { const d = new Date(); return d; }").constructs());
            assertEquals(Optional.empty(), function("() => Date.now()").constructs());
        }

        @Test
        void bodiesWithRegexAndTemplates() {
            JsFunction regex = function("(prop) => zodString(prop).regex(/^[a-z/)]+$/)");
            assertEquals("(prop) => zodString(prop).regex(/^[a-z/)]+$/)", regex.source());
            assertEquals(Optional.of("zodString"), regex.firstCall());
            JsFunction template = function("(p) => `${p.a}-${`${p.b}`}`");
            assertEquals("(p) => `${p.a}-${`${p.b}`}`", template.source());
        }

        @Test
        void functionsInsideObjectsEndAtTheComma() {
            JsObject object = assertInstanceOf(JsObject.class,
                    value("{ f: x => x ? { a: 1 } : g(x), h: function () { return [1, 2]; }, i: 1 }"));
            assertEquals("x => x ? { a: 1 } : g(x)",
                    assertInstanceOf(JsFunction.class, object.get("f").orElseThrow()).source());
            assertEquals("function () { return [1, 2]; }",
                    assertInstanceOf(JsFunction.class, object.get("h").orElseThrow()).source());
            assertEquals(3, object.members().size());
        }

        @Test
        void functionErrors() {
            assertEquals("Unexpected '=>' — expected '{' to start the function body",
                    moduleError("const f = function (a) => a").problem());
            assertEquals("Unexpected 'y' — expected '(' after 'function'",
                    moduleError("const f = function * x y").problem());
            assertEquals("Unexpected end of file — expected a value", moduleError("const f = (a) =>").problem());
            assertEquals("Unexpected ',' — expected a parameter name", moduleError("const f = (a, , b) => a").problem());
            assertEquals("Unexpected ',' — expected a value", moduleError("const o = { f: (a) => , b: 1 }").problem());
        }
    }

    @Nested
    class StrictJson {

        private JsValue json(String text) {
            return ModuleParser.parseJson(Path.of("package.json"), text);
        }

        private JsSyntaxException jsonError(String text) {
            return assertThrows(JsSyntaxException.class, () -> json(text));
        }

        @Test
        void everyValueKind() {
            JsValue value = json("""
                    {
                      "name": "ving\\u0041\\n\\/",
                      "n": -1.5e2,
                      "zero": 0,
                      "ok": true,
                      "no": false,
                      "nothing": null,
                      "list": [1, "two", [], {}],
                      "m": 2
                    }
                    """);
            assertEquals("vingA\n/", string(get(value, "name")));
            assertEquals(new JsNumber(2, "2", new SourcePosition(9, 8)), get(value, "m"));
            JsObject object = assertInstanceOf(JsObject.class, value);
            assertEquals(new Property("n", new JsNumber(-150, "-1.5e2", new SourcePosition(3, 8)), new SourcePosition(3, 3)),
                    object.members().get(1));
            assertEquals(new JsNumber(0, "0", new SourcePosition(4, 11)), get(value, "zero"));
            assertEquals(new JsBoolean(false, new SourcePosition(6, 9)), get(value, "no"));
            assertInstanceOf(JsNull.class, get(value, "nothing"));
            assertEquals(4, elements(get(value, "list")).size());
            assertEquals(8, object.members().size());
            assertEquals(new JsString("x", new SourcePosition(1, 2)), json("\uFEFF\"x\""));
        }

        @Test
        void commentsAreRejected() {
            JsSyntaxException e = jsonError("{\n  \"a\": 1 // note\n}");
            assertEquals("Comments are not allowed in JSON", e.problem());
            assertEquals(new SourcePosition(2, 10), e.position());
            assertEquals("package.json:2: Comments are not allowed in JSON", e.getMessage());
            assertEquals("Comments are not allowed in JSON", jsonError("/* x */ 1").problem());
        }

        @Test
        void aKeyWrittenTwiceInOneObjectIsRejected() {
            JsSyntaxException e = jsonError("{\n  \"a\": {\"a\": 1},\n  \"b\": 2,\n  \"a\": 3\n}");
            assertEquals("Duplicate key \"a\" (first on line 2): a JSON reader would keep only the last value; remove one",
                    e.problem());
            assertEquals(new SourcePosition(4, 3), e.position());
            assertTrue(e.getMessage().startsWith("package.json:4: Duplicate key \"a\""), e.getMessage());
            // the same key in another object, nested or not, is another key
            assertEquals(2, elements(json("[{\"a\": 1, \"b\": {\"a\": 2}}, {\"a\": 3}]")).size());
            // keys are compared decoded: "\u0061" is "a"
            assertEquals("Duplicate key \"\\u0061\" (first on line 1): a JSON reader would keep only the last value; remove one",
                    jsonError("{\"a\": 1, \"\\u0061\": 2}").problem());
        }

        @Test
        void trailingCommasAreRejected() {
            JsSyntaxException object = jsonError("{\n  \"a\": 1,\n}");
            assertEquals("Trailing comma is not allowed in JSON", object.problem());
            assertEquals(new SourcePosition(2, 9), object.position());
            assertEquals("Trailing comma is not allowed in JSON", jsonError("[1, 2,]").problem());
        }

        @Test
        void keysMustBeDoubleQuotedStrings() {
            JsSyntaxException e = jsonError("{\"a\": 1, b: 2}");
            assertEquals("Expected '\"' to start a property name, found 'b'", e.problem());
            assertEquals("Expected '\"' to start a property name, found '1'", jsonError("{1: 2}").problem());
            assertEquals("Strings in JSON must use double quotes, found 'a'", jsonError("{'a': 1}").problem());
            assertEquals("Strings in JSON must use double quotes, found 'x'", jsonError("['x']").problem());
        }

        @Test
        void punctuationErrors() {
            assertEquals("Expected ':' after the property name \"a\", found '1'", jsonError("{\"a\" 1}").problem());
            assertEquals("Expected ',' or '}' after a property value, found \"b\"",
                    jsonError("{\"a\": 1 \"b\": 2}").problem());
            assertEquals("Expected ',' or ']' after an array element, found '2'", jsonError("[1 2]").problem());
            assertEquals("Unexpected end of file — expected a JSON value", jsonError("").problem());
            assertEquals("Unexpected '}' — expected a JSON value", jsonError("[}").problem());
            assertEquals("Unexpected '2' after the JSON value — expected end of file", jsonError("1 2").problem());
        }

        @Test
        void numbersFollowRfc8259() {
            assertEquals("Invalid JSON number '0x10'", jsonError("0x10").problem());
            assertEquals("Invalid JSON number '.5'", jsonError(".5").problem());
            assertEquals("Invalid JSON number '1.'", jsonError("1.").problem());
            assertEquals("Invalid JSON number '1_0'", jsonError("1_0").problem());
            assertEquals("Unexpected '+' — expected a JSON value", jsonError("+1").problem());
            assertEquals("Unexpected '-' — expected a JSON value", jsonError("- 1").problem());
            assertEquals("Numbers cannot start with 0 followed by another digit", jsonError("[01]").problem());
        }

        @Test
        void onlyJsonLiterals() {
            assertEquals("Unexpected 'undefined' — expected a JSON value", jsonError("undefined").problem());
            assertEquals("Unexpected 'NaN' — expected a JSON value", jsonError("[NaN]").problem());
            assertEquals("Unexpected `x` — expected a JSON value", jsonError("`x`").problem());
        }

        @Test
        void stringsFollowRfc8259() {
            JsSyntaxException tab = jsonError("\n\"a\tb\"");
            assertEquals("Control character U+0009 must be escaped in a JSON string", tab.problem());
            assertEquals(new SourcePosition(2, 3), tab.position());
            assertEquals("Invalid escape '\\x' in a JSON string", jsonError("\"\\x41\"").problem());
            assertEquals("Invalid escape '\\'' in a JSON string", jsonError("\"\\'\"").problem());
            assertEquals("Invalid escape '\\u' in a JSON string", jsonError("\"\\u{41}\"").problem());
            assertFalse(jsonError("\"\\x41\"").problem().isEmpty());
        }
    }
}
