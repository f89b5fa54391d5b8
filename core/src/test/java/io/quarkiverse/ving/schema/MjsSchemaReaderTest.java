package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** ving's own schema files, read as they are. */
class MjsSchemaReaderTest {

    private static final Path FILE = Path.of("Gadget.mjs");

    /** Everything ving's real schema files contain, in one file. */
    private static final String QUIRKS = """
            import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar, zodString, dbEnum } from '../helpers.mjs';
            import crypto from 'crypto';
            import * as helpers from "../helpers.mjs";

            /**
             * A doc comment, with a // that is not a line comment.
             */
            const visible = { view: ['public'], edit: [], };

            export const gadgetSchema = {
                kind: 'Gadget', // a line comment
                tableName: "gadgets",
                owner: ['$userId', "admin",],
                props: [
                    { ...baseSchemaId },
                    { ...baseSchemaCreatedAt },
                    { ...baseSchemaUpdatedAt, },
                    {
                        ...visible,
                        type: "string", name: 'title', required: true, unique: true, uniqueQualifiers: ['userId'],
                        length: 60, default: 'it\\'s', filterQuery: true,
                        db: (prop) => dbVarChar(prop),
                        zod: prop => zodString(prop).regex(/^[a-z\\/]+$/),
                    },
                    {
                        type: "enum", name: "color", required: true, default: "red",
                        enums: ['red', 'green'], enumLabels: ['Red', 'Green'],
                        db: function (prop) { return dbEnum(prop); },
                        view: ['public'], edit: ['owner'],
                    },
                    {
                        type: 'string', name: 'token', required: false, length: 39,
                        default: () => 'tk_' + crypto.randomBytes(18).toString('hex'),
                        db: (prop) => { return dbVarChar(prop); }, noSetAll: true,
                        view: [], edit: [], options: 'tokenOptions',
                    },
                    {
                        type: 'string', name: 'publicId', required: true, length: 36,
                        default: () => crypto.randomUUID(), db: (prop) => dbUuid(prop), view: [], edit: [],
                    },
                    {
                        type: "id", name: "userId", required: true, filterQualifier: true, allowRealPubicId: true,
                        db: (prop) => dbRelation(prop),
                        relation: { type: 'parent', name: 'user', kind: 'User' },
                        default: undefined, view: ['public'], edit: ['owner'],
                    },
                    /* a block comment between props */
                    {
                        type: "virtual", name: "gadgetId", required: false, default: undefined,
                        relation: { type: 'child', name: 'parts', kind: 'Part' },
                        view: ['public'], edit: [],
                    },
                ],
            };

            export const RoleOptions = ["admin", "developer"];
            export const extensionMap = { gif: 'image', mp3: 'audio', gif: 'video', };
            """;

    private static Schema quirks() {
        return new MjsSchemaReader().read(FILE, QUIRKS);
    }

    private static Prop prop(Schema schema, String name) {
        return schema.prop(name).orElseThrow();
    }

    @Test
    void readsTheSchemaLevelAttributes() {
        Schema schema = quirks();
        assertEquals("Gadget", schema.kind());
        assertEquals("gadgets", schema.tableName());
        assertEquals(List.of("$userId", "admin"), schema.owner());
        assertEquals(List.of("id", "createdAt", "updatedAt", "title", "color", "token", "publicId", "userId", "gadgetId"),
                schema.props().stream().map(Prop::name).toList());
        assertEquals(FILE, schema.file());
    }

    @Test
    void spreadsOfTheBasePropsBecomeVingsBaseProps() {
        Schema schema = quirks();
        Prop id = prop(schema, "id");
        assertEquals("id", id.type());
        assertEquals(Optional.of("dbPk"), id.dbHelper());
        assertInstanceOf(PropDefault.Undefined.class, id.defaultValue());
        assertEquals(List.of("public"), id.view());
        Prop updatedAt = prop(schema, "updatedAt");
        assertTrue(updatedAt.flag("autoUpdate"));
        assertTrue(updatedAt.flag("filterRange"));
        assertInstanceOf(PropDefault.Now.class, updatedAt.defaultValue());
        assertEquals(Optional.of("dbTimestamp"), updatedAt.dbHelper());
    }

    @Test
    void aSpreadOfALocalConstantIsResolved() {
        Prop title = prop(quirks(), "title");
        assertEquals(List.of("public"), title.view());
        assertEquals(List.of(), title.edit());
    }

    @Test
    void readsEveryPropAttribute() {
        Prop title = prop(quirks(), "title");
        assertEquals("string", title.type());
        assertTrue(title.isRequired());
        assertTrue(title.isUnique());
        assertEquals(List.of("userId"), title.uniqueQualifiers());
        assertEquals(60, title.length());
        assertEquals(new PropDefault.Literal("it's"), title.defaultValue());
        assertTrue(title.flag("filterQuery"));
        assertEquals(Optional.of("dbVarChar"), title.dbHelper());
        assertEquals(Optional.of("zodString"), title.zod().flatMap(FunctionSource::calleeName));
        assertEquals("prop => zodString(prop).regex(/^[a-z\\/]+$/)", title.zod().orElseThrow().source());
    }

    @Test
    void enumsAndTheirLabels() {
        Prop color = prop(quirks(), "color");
        assertEquals(List.of("red", "green"), color.enums());
        assertEquals(List.of("Red", "Green"), color.enumLabels());
        assertEquals(Optional.of("dbEnum"), color.dbHelper(), "a function expression with a block body");
    }

    @Test
    void functionDefaultsAreNowUuidOrComputed() {
        Schema schema = quirks();
        assertEquals(new PropDefault.Computed("() => 'tk_' + crypto.randomBytes(18).toString('hex')"),
                prop(schema, "token").defaultValue());
        assertEquals(new PropDefault.NewUuid("() => crypto.randomUUID()"), prop(schema, "publicId").defaultValue());
        assertEquals(new PropDefault.Now("() => new Date()"), prop(schema, "createdAt").defaultValue());
    }

    @Test
    void relationsAndTheirSides() {
        Schema schema = quirks();
        Relation parent = prop(schema, "userId").relation().orElseThrow();
        assertEquals(new Relation("parent", "user", "User", null, Map.of()), parent);
        assertTrue(prop(schema, "userId").flag("allowRealPubicId"));
        Prop virtual = prop(schema, "gadgetId");
        assertTrue(virtual.isVirtual());
        assertTrue(virtual.relation().orElseThrow().isChild());
        assertEquals("Gadget.props.gadgetId{parts}", schema.pathOf(virtual));
    }

    @Test
    void otherAttributesAreKept() {
        Prop token = prop(quirks(), "token");
        assertTrue(token.flag("noSetAll"));
        assertEquals(Map.of("options", "tokenOptions"), token.extra());
    }

    @Test
    void extraExportsComeAlongAndARepeatedKeyKeepsItsLastValue() {
        Schema schema = quirks();
        assertEquals(List.of("admin", "developer"), schema.exports().get("RoleOptions"));
        assertEquals(Map.of("gif", "video", "mp3", "audio"), schema.exports().get("extensionMap"));
        assertFalse(schema.exports().containsKey("gadgetSchema"));
    }

    @Test
    void positionsPointAtTheLines() {
        Schema schema = quirks();
        assertEquals(11, schema.positionOf("kind").line());
        assertEquals(20, prop(schema, "title").positionOf("type").line());
        assertEquals(21, prop(schema, "title").positionOf("length").line());
    }

    @Test
    void theReferenceSchemasReadUnchanged() {
        for (String kind : List.of("User", "APIKey", "S3File", "CronJob")) {
            Schema schema = new MjsSchemaReader().read(Path.of("../src/main/ving/" + kind + ".mjs"));
            assertEquals(kind, schema.kind());
        }
    }

    @Test
    void aFileWithoutASchemaExportSaysWhatIsExpected() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> new MjsSchemaReader().read(FILE, "export const thing = { kind: 'Gadget' };"));
        assertEquals("Gadget.mjs: No schema found: a ving schema file exports its schema as "
                + "`export const <kind>Schema = { kind: …, tableName: …, props: […] }`.", e.getMessage());
    }

    @Test
    void twoSchemasInOneFileAreRefused() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const aSchema = { kind: 'A' };\nexport const bSchema = { kind: 'B' };"));
        assertEquals("Gadget.mjs:2: More than one schema exported (aSchema, bSchema); a ving schema file holds exactly one kind.",
                e.getMessage());
    }

    @Test
    void aSpreadOfAnUnknownNameNamesIt() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = {\n kind: 'Gadget', props: [\n { ...baseSchemaUuid },\n ] };"));
        assertEquals("Gadget.mjs:3: the spread refers to baseSchemaUuid, which is neither defined in this file nor one of "
                + "ving's base props (baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt).", e.getMessage());
    }

    @Test
    void attributesOfTheWrongShapeAreReportedInVingsWords() {
        assertEquals("Gadget.mjs:2: Gadget.props.title.view must be an array.", problem("view: 'public'"));
        assertEquals("Gadget.mjs:2: Gadget.props.title.db must be a function that returns a drizzle column specification.",
                problem("db: 'dbVarChar'"));
        assertEquals("Gadget.mjs:2: Gadget.props.title.length must be a number.", problem("length: '60'"));
        assertEquals("Gadget.mjs:2: Gadget.props.title.autoUpdate must be a boolean.", problem("autoUpdate: 1"));
        assertEquals("Gadget.mjs:2: Gadget.props.title.relation must be an object.", problem("relation: 'User'"));
    }

    @Test
    void aPropWithoutANameIsPointedAtByItsIndex() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = { kind: 'Gadget', props: [{ ...baseSchemaId },\n{ type: 'string' }] };"));
        assertEquals("Gadget.mjs:2: Gadget.props[1].name must be a string.", e.getMessage());
    }

    @Test
    void aDefaultThatNeedsJavaScriptToRunIsRefused() {
        assertEquals("Gadget.mjs:2: Gadget.props.title.default is the expression 'a' + 'b', which cannot be read without "
                + "running JavaScript; write a literal, or a function such as () => …", problem("default: 'a' + 'b'"));
    }

    @Test
    void aKeyWrittenTwiceInAPropIsRefused() {
        assertEquals("Gadget.mjs:3: Gadget.props.title sets length twice (first on line 2): JavaScript would keep only "
                + "the last; remove one.", problem("length: 60,\nlength: 80"));
        assertEquals("Gadget.mjs:3: Gadget.props.title.relation sets kind twice (first on line 2): JavaScript would keep "
                + "only the last; remove one.", problem("relation: { type: 'parent', name: 'u', kind: 'User',\n kind: 'Part' }"));
    }

    @Test
    void aKeyWrittenTwiceAtTheSchemasTopIsRefused() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = {\n kind: 'Gadget',\n props: [],\n owner: ['admin'],\n props: [{ ...baseSchemaId }],\n};"));
        assertEquals("Gadget.mjs:5: Schema Gadget sets props twice (first on line 3): JavaScript would keep only the last; "
                + "remove one.", e.getMessage());
    }

    @Test
    void aKeyThatReplacesOneFromASpreadIsAnOverride() {
        Schema schema = new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = { kind: 'Gadget', props: [{ ...baseSchemaId, view: ['owner'] }] };");
        assertEquals(List.of("owner"), prop(schema, "id").view());
    }

    @Test
    void aConstantThatRefersToItselfIsRefused() {
        SchemaException spread = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "const a = { ...b };\nconst b = { ...a };\nexport const gadgetSchema = { kind: 'Gadget', props: [{ ...a }] };"));
        assertEquals("Gadget.mjs:2: a refers to itself (a → b → a), so it has no value.", spread.getMessage());
        SchemaException value = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const RoleOptions = ['admin', RoleOptions];\nexport const gadgetSchema = { kind: 'Gadget' };"));
        assertEquals("Gadget.mjs:1: RoleOptions refers to itself (RoleOptions → RoleOptions), so it has no value.",
                value.getMessage());
    }

    @Test
    void aChainOfConstantsDeeperThanTheNestingLimitIsRefused() {
        StringBuilder text = new StringBuilder("const c0 = [];\n");
        for (int i = 1; i <= 100_000; i++) {
            text.append("const c").append(i).append(" = [c").append(i - 1).append("];\n");
        }
        text.append("export const RoleOptions = c100000;\nexport const gadgetSchema = { kind: 'Gadget' };");
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE, text.toString()));
        assertEquals("Constants refer to constants more than 256 deep here.", e.problem());
    }

    @Test
    void aSpreadOfSomethingThatIsNotAnObjectIsAMessage() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const extensionMap = {\n png: 'image',\n ...[1],\n};\nexport const gadgetSchema = { kind: 'Gadget' };"));
        assertEquals("Gadget.mjs:3: A spread here must be of an object, written here or in a constant of this file, not an "
                + "array.", e.getMessage());
        assertEquals("Gadget.mjs:2: A spread here must be of an object, written here or in a constant of this file, not the "
                + "expression x.y.", problem("default: { ...x.y }"));
    }

    // Props are assembled as the parser reads them; what the file says further down still counts.

    @Test
    void aPropThatSpreadsAConstantDeclaredFurtherDownGetsIt() {
        Schema schema = new MjsSchemaReader().read(FILE, "export const gadgetSchema = { kind: 'Gadget', props: [\n"
                + "{ ...visible, type: 'string', name: 'title' }] };\nconst visible = { view: ['public'], edit: [] };");
        assertEquals(List.of("public"), prop(schema, "title").view());
    }

    @Test
    void aConstantDeclaredAgainFurtherDownIsTheOneAPropGets() {
        Schema schema = new MjsSchemaReader().read(FILE, "const visible = { view: ['owner'] };\n"
                + "export const gadgetSchema = { kind: 'Gadget', props: [{ ...visible, type: 'string', name: 'title' }] };\n"
                + "const visible = { view: ['public'] };");
        assertEquals(List.of("public"), prop(schema, "title").view());
    }

    @Test
    void anExportThatSpreadsTheSchemaGetsItsProps() {
        Schema schema = new MjsSchemaReader().read(FILE, "export const gadgetSchema = { kind: 'Gadget', props: "
                + "[{ ...baseSchemaId }] };\nexport const copy = { ...gadgetSchema };");
        List<?> props = (List<?>) ((Map<?, ?>) schema.exports().get("copy")).get("props");
        assertEquals(List.of("id"), props.stream().map(p -> ((Map<?, ?>) p).get("name")).toList());
        assertEquals(List.of("id"), schema.props().stream().map(Prop::name).toList());
    }

    @Test
    void aKindWrittenAfterThePropsNamesThem() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = { props: [{ ...baseSchemaId },\n{ type: 'string' }], kind: 'Gadget' };"));
        assertEquals("Gadget.mjs:2: Gadget.props[1].name must be a string.", e.getMessage());
    }

    @Test
    void aKindThatASpreadAfterThePropsReplacesNamesThem() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "const other = { kind: 'Widget' };\n"
                        + "export const gadgetSchema = { kind: 'Gadget', props: [{ type: 'string' }], ...other };"));
        assertEquals("Gadget.mjs:2: Widget.props[0].name must be a string.", e.getMessage());
    }

    @Test
    void theSchemasOwnProblemsComeBeforeThoseOfItsProps() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = {\n kind: 'Gadget',\n props: [{ type: 'string' }],\n owner: 'admin' };"));
        assertEquals("Gadget.mjs:4: Schema Gadget owner is not an array.", e.getMessage());
    }

    @Test
    void aSyntaxErrorAfterTheProps() {
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = { kind: 'Gadget', props: [{ type: 'string' }] };\nexport const x = [1 2];"));
        assertEquals(2, e.position().line());
    }

    private static String problem(String attribute) {
        return assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(FILE,
                "export const gadgetSchema = { kind: 'Gadget', props: [\n{ type: 'string', name: 'title', " + attribute
                        + " }] };"))
                .getMessage();
    }
}
