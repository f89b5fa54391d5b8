package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.js.ElementSink;
import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsValue.JsArray;
import io.quarkiverse.ving.js.JsValue.JsFunction;
import io.quarkiverse.ving.js.JsValue.JsObject;
import io.quarkiverse.ving.js.JsValue.JsString;
import io.quarkiverse.ving.js.JsValue.Member;
import io.quarkiverse.ving.js.JsValue.Property;
import io.quarkiverse.ving.js.JsValue;
import io.quarkiverse.ving.js.JsonRewriter;
import io.quarkiverse.ving.js.ModuleParser;
import io.quarkiverse.ving.js.SourcePosition;

/**
 * Reads the JSON form of a ving schema: the same attribute names as ving's {@code .mjs} files, with three
 * notations for what JSON cannot write:
 * <ul>
 * <li>a base prop is its name as a string in {@code props}: {@code "baseSchemaId"};</li>
 * <li>{@code db} and {@code zod} may name their helper: {@code "db": "dbVarChar"};</li>
 * <li>any function is an object with its JavaScript source: {@code "default": {"function": "() => new Date()"}};</li>
 * <li>the file's other exports ({@code RoleOptions}, {@code extensionMap}) sit under {@code "exports"}.</li>
 * </ul>
 *
 * <p>
 * When {@code "kind"} comes before {@code "props"}, as ving writes it, each prop is assembled as soon as it is parsed
 * ({@link EarlyProps}). JSON has no spreads and no key twice, so the kind read then is the schema's.
 */
public final class JsonSchemaReader implements SchemaReader {

    private static final String FUNCTION_KEY = "function";
    private static final String EXPORTS_KEY = "exports";

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public Schema read(Path file, String text) {
        SchemaAssembler assembler = new SchemaAssembler(file, BaseProps::named);
        Notations notations = new Notations(file, assembler);
        JsValue root;
        try {
            root = ModuleParser.parseJson(file, text, notations);
        } catch (JsSyntaxException e) {
            throw new SchemaException(e);
        }
        if (!(root instanceof JsObject schema)) {
            throw new SchemaException(file, root.position(),
                    "A JSON schema is an object ({\"kind\": …, \"tableName\": …, \"props\": […]}), not " + root.describe() + ".");
        }
        Map<String, Object> exports = Collections.emptyMap();
        List<Member> members = new ArrayList<>();
        for (Member member : schema.members()) {
            if (member instanceof Property property && property.key().equals(EXPORTS_KEY)) {
                if (!(assembler.toJava(property.value()) instanceof Map<?, ?> map)) {
                    throw new SchemaException(file, property.position(), "\"exports\" must be an object.");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> exported = (Map<String, Object>) map;
                exports = exported;
            } else {
                members.add(member);
            }
        }
        return assembler.assemble(new JsObject(members, schema.position()), exports, notations.early);
    }

    /** JSON's notations, rewritten into the value tree the {@code .mjs} reader produces as the file is parsed. */
    private static final class Notations implements JsonRewriter {

        private final Path file;
        private final SchemaAssembler assembler;
        /** The props, when assembled as they were parsed. */
        private EarlyProps early;

        Notations(Path file, SchemaAssembler assembler) {
            this.file = file;
            this.assembler = assembler;
        }

        /** The schema's props, assembled one by one when its kind is known by then. */
        @Override
        public ElementSink elementsOf(String key, List<Member> before) {
            String kind = EarlyProps.kindBefore(before);
            if (!"props".equals(key) || kind == null) {
                return null;
            }
            early = new EarlyProps(assembler, kind, JsonSchemaReader::basePropByName);
            return early;
        }

        /**
         * Each function text of the file, parsed: the props of a large file name the same few helpers, and parsing
         * one takes a parser of its own.
         */
        private final Map<String, JsFunction> functions = new HashMap<>();

        /** {@code {"function": "() => new Date()"}} is that function. */
        @Override
        public JsValue object(JsObject object) {
            Optional<JsValue> source = object.get(FUNCTION_KEY);
            if (source.isEmpty() || object.members().size() != 1) {
                return object;
            }
            if (!(source.get() instanceof JsString text)) {
                throw new SchemaException(file, source.get().position(),
                        "\"function\" must hold the function's JavaScript source as a string.");
            }
            return function(text.value(), text.position());
        }

        /** A base prop's name in {@code props}, and a helper's name as {@code db} or {@code zod}. */
        @Override
        public JsValue property(String key, JsValue value) {
            if ("props".equals(key) && value instanceof JsArray array && (early == null || !early.standFor(array))) {
                List<JsValue> elements = new ArrayList<>();
                for (JsValue element : array.elements()) {
                    elements.add(basePropByName(element));
                }
                return new JsArray(List.copyOf(elements), array.position());
            }
            if (value instanceof JsString string && ("db".equals(key) || "zod".equals(key))) {
                return function("(prop) => " + string.value() + "(prop)", string.position());
            }
            return value;
        }

        /** The function with this JavaScript source, written at {@code position}. */
        private JsFunction function(String source, SourcePosition position) {
            JsFunction parsed = functions.get(source);
            if (parsed == null) {
                parsed = parseFunction(file, source, position);
                functions.put(source, parsed);
            }
            return new JsFunction(parsed.parameters(), parsed.source(), parsed.firstCall(), parsed.constructs(),
                    position);
        }
    }

    /** {@code "baseSchemaId"} in props means {@code { ...baseSchemaId }}; any other element stands for itself. */
    private static JsValue basePropByName(JsValue element) {
        if (!(element instanceof JsString name)) {
            return element;
        }
        JsValue reference = new JsValue.JsIdentifier(name.value(), name.position());
        return new JsObject(List.of(new JsValue.Spread(reference, name.position())), name.position());
    }

    /** Parses a function's source, reporting a problem at {@code position}, where the JSON file writes it. */
    private static JsFunction parseFunction(Path file, String source, SourcePosition position) {
        JsValue value;
        try {
            value = ModuleParser.parseValue(file, source);
        } catch (JsSyntaxException e) {
            throw new SchemaException(file, position, "The function " + source + " is not valid JavaScript: " + e.problem());
        }
        if (!(value instanceof JsFunction function)) {
            throw new SchemaException(file, position, "\"" + source + "\" is not a function; write e.g. \"() => new Date()\".");
        }
        return function;
    }
}
