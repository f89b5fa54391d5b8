package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.ving.js.JsLiterals;
import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsValue.JsArray;
import io.quarkiverse.ving.js.JsValue.JsBoolean;
import io.quarkiverse.ving.js.JsValue.JsExpression;
import io.quarkiverse.ving.js.JsValue.JsFunction;
import io.quarkiverse.ving.js.JsValue.JsIdentifier;
import io.quarkiverse.ving.js.JsValue.JsNumber;
import io.quarkiverse.ving.js.JsValue.JsObject;
import io.quarkiverse.ving.js.JsValue.JsString;
import io.quarkiverse.ving.js.JsValue.JsUndefined;
import io.quarkiverse.ving.js.JsValue;
import io.quarkiverse.ving.js.ModuleParser;
import io.quarkiverse.ving.js.SourcePosition;

/**
 * Turns the value tree of a schema file into a {@link Schema}. Both formats go through here, so an
 * attribute means the same whether it was written in {@code .mjs} or in JSON.
 *
 * <p>
 * It checks the shape of each attribute (a list where a list belongs, a function where a function
 * belongs) and reports a wrong shape in ving's words; the rules of what values are allowed are
 * {@link SchemaValidator}'s.
 */
final class SchemaAssembler {

    /** Boolean switches a prop may carry. */
    static final List<String> FLAGS = List.of("filterQuery", "filterQualifier", "filterRange", "autoUpdate",
            "allowRealPubicId", "noSetAll", "index");

    private static final Set<String> PROP_ATTRIBUTES = Set.of("name", "type", "required", "default", "db", "zod",
            "length", "enums", "enumLabels", "relation", "unique", "uniqueQualifiers", "view", "edit", "renamedFrom",
            "filterQuery", "filterQualifier", "filterRange", "autoUpdate", "allowRealPubicId", "noSetAll", "index");

    /** Callees whose result is a fresh UUID: ving's {@code uuid()} (uuid's {@code v4}) and the platform's. */
    private static final Set<String> UUID_GENERATORS = Set.of("uuid", "v4", "uuidv4", "randomUUID");

    private final Path file;
    private final Function<String, Optional<JsValue>> constants;
    /** The names being replaced by their constants, innermost last: a name met again here refers to itself. */
    private final Deque<String> unfolding = new ArrayDeque<>();
    /**
     * One instance of each function and each list of strings the file writes: props repeat {@code (prop) =>
     * dbVarChar(prop)} and {@code view: ['public']} again and again, and a large schema keeps its props until they
     * are checked.
     */
    private final Map<String, Optional<FunctionSource>> functions = new HashMap<>();
    private final Map<List<String>, List<String>> stringLists = new HashMap<>();

    /**
     * @param file the file being read, for messages
     * @param constants resolves a name used in a spread or as a value: the file's own constants, then ving's base props
     */
    SchemaAssembler(Path file, Function<String, Optional<JsValue>> constants) {
        this.file = file;
        this.constants = constants;
    }

    Schema assemble(JsObject root, Map<String, Object> exports) {
        return assemble(root, exports, null);
    }

    /**
     * @param early the props as assembled while the file was parsed, when they were; null when not
     * @throws EarlyProps.Unusable when the early props were assembled for another kind of schema
     */
    Schema assemble(JsObject root, Map<String, Object> exports, EarlyProps early) {
        Map<String, Attribute> attributes = flatten(root);
        String kind = optionalString(attributes, "kind", () -> "Schema kind is not a string.");
        String label = kind == null ? "Schema" : "Schema " + kind;
        rejectRepeatedKeys(root, label);
        String tableName = optionalString(attributes, "tableName", () -> label + " tableName is not lower case.");
        List<String> owner = optionalStrings(attributes, "owner", () -> label + " owner is not an array.");
        Optional<String> renamedFrom = Optional
                .ofNullable(optionalString(attributes, "renamedFrom", () -> label + " renamedFrom must be a string."));

        List<Prop> props = null;
        Attribute propsAttribute = attributes.get("props");
        if (propsAttribute != null && early != null && early.standFor(propsAttribute.value())) {
            props = early.props(kind);
        } else if (propsAttribute != null) {
            if (!(propsAttribute.value() instanceof JsArray array)) {
                throw error(propsAttribute.position(), label + " props is not an array.");
            }
            props = new ArrayList<>();
            for (int i = 0; i < array.elements().size(); i++) {
                props.add(prop(kind, i, array.elements().get(i)));
            }
        }
        return new Schema(kind, tableName, owner, props == null ? null : List.copyOf(props), renamedFrom,
                exports, file, positions(root, List.copyOf(attributes.keySet()), attributes));
    }

    /** The prop written as the element at {@code index} of the props of a schema of this kind. */
    Prop prop(String kind, int index, JsValue element) {
        String where = kind + ".props[" + index + "]";
        JsObject object = asObject(element, where);
        Map<String, Attribute> attributes = flatten(object);

        Attribute nameAttribute = attributes.get("name");
        if (nameAttribute == null || !(nameAttribute.value() instanceof JsString nameString)) {
            throw error(nameAttribute == null ? object.position() : nameAttribute.position(),
                    where + ".name must be a string.");
        }
        String name = nameString.value();
        String path = kind + ".props." + name;
        rejectRepeatedKeys(object, path);

        String type = optionalString(attributes, "type", () -> path + ".type is invalid: " + describe(attributes, "type"));
        Boolean required = attributes.get("required") != null
                && attributes.get("required").value() instanceof JsBoolean b ? b.value() : null;
        Boolean unique = optionalBoolean(attributes, "unique", () -> path + ".unique must be a boolean.");

        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String flag : FLAGS) {
            Boolean value = optionalBoolean(attributes, flag, () -> path + "." + flag + " must be a boolean.");
            if (value != null) {
                flags.put(flag, value);
            }
        }

        Map<String, Object> extra = new LinkedHashMap<>();
        attributes.forEach((key, attribute) -> {
            if (!PROP_ATTRIBUTES.contains(key)) {
                extra.put(key, toJava(attribute.value()));
            }
        });
        List<String> present = sharedList(List.copyOf(attributes.keySet())); // props of one shape write the same keys

        return new Prop(name, type, required,
                defaultOf(attributes.get("default"), path),
                function(attributes, "db", () -> path + ".db must be a function that returns a drizzle column specification."),
                function(attributes, "zod", () -> path + ".zod must be a function that returns a zod validation function."),
                length(attributes.get("length"), path),
                literals(attributes.get("enums"), () -> path + ".enums must be an array."),
                strings(attributes.get("enumLabels"), () -> path + ".enumLabels must be an array.",
                        () -> path + ".enumLabels values must be strings."),
                relation(attributes.get("relation"), path),
                unique,
                strings(attributes.get("uniqueQualifiers"), () -> path + ".uniqueQualifiers must be an array.",
                        () -> path + ".uniqueQualifiers values must be strings."),
                strings(attributes.get("view"), () -> path + ".view must be an array.", () -> path + ".view roles must be strings."),
                strings(attributes.get("edit"), () -> path + ".edit must be an array.", () -> path + ".edit roles must be strings."),
                compactCopy(flags),
                Optional.ofNullable(optionalString(attributes, "renamedFrom", () -> path + ".renamedFrom must be a string.")),
                compactCopy(extra),
                present,
                positions(object, present, attributes));
    }

    // --- attribute kinds ---------------------------------------------------------------------------------

    private PropDefault defaultOf(Attribute attribute, String path) {
        if (attribute == null) {
            return PropDefault.ABSENT;
        }
        JsValue value = attribute.value();
        if (value instanceof JsUndefined) {
            return PropDefault.UNDEFINED;
        }
        if (value instanceof JsFunction function) {
            String source = functionSource(function).orElseThrow().source();
            if (function.constructs().filter("Date"::equals).isPresent()) {
                return new PropDefault.Now(source);
            }
            String callee = function.firstCall().map(name -> name.substring(name.lastIndexOf('.') + 1)).orElse("");
            if (UUID_GENERATORS.contains(callee)) {
                return new PropDefault.NewUuid(source);
            }
            return new PropDefault.Computed(source);
        }
        if (value instanceof JsIdentifier || value instanceof JsExpression) {
            throw error(attribute.position(), path + ".default is " + value.describe()
                    + ", which cannot be read without running JavaScript; write a literal, or a function such as () => …");
        }
        return new PropDefault.Literal(toJava(value));
    }

    private Optional<FunctionSource> function(Map<String, Attribute> attributes, String key, Supplier<String> message) {
        Attribute attribute = attributes.get(key);
        if (attribute == null) {
            return Optional.empty();
        }
        if (attribute.value() instanceof JsFunction function) {
            return functionSource(function);
        }
        throw error(attribute.position(), message.get());
    }

    private Integer length(Attribute attribute, String path) {
        if (attribute == null) {
            return null;
        }
        if (attribute.value() instanceof JsNumber number && number.isInteger()
                && Math.abs(number.value()) <= Integer.MAX_VALUE) {
            return (int) number.value();
        }
        throw error(attribute.position(), path + ".length must be a number.");
    }

    private Optional<Relation> relation(Attribute attribute, String path) {
        if (attribute == null || attribute.value() instanceof JsUndefined) {
            return Optional.empty();
        }
        if (!(attribute.value() instanceof JsObject object)) {
            throw error(attribute.position(), path + ".relation must be an object.");
        }
        rejectRepeatedKeys(object, path + ".relation");
        Map<String, Attribute> attributes = flatten(object);
        Map<String, Object> extra = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            if (!Set.of("type", "name", "kind", "acceptedFileExtensions").contains(key)) {
                extra.put(key, toJava(value.value()));
            }
        });
        return Optional.of(new Relation(
                optionalString(attributes, "type", () -> path + ".relation.type must be a string."),
                optionalString(attributes, "name", () -> path + ".relation.name must be a string."),
                optionalString(attributes, "kind", () -> path + ".relation.kind must be a string."),
                strings(attributes.get("acceptedFileExtensions"), () -> path + ".relation.acceptedFileExtensions must be an array.",
                        () -> path + ".relation.acceptedFileExtensions values must be strings."),
                Collections.unmodifiableMap(extra)));
    }

    private List<Object> literals(Attribute attribute, Supplier<String> notAnArray) {
        if (attribute == null) {
            return null;
        }
        if (!(attribute.value() instanceof JsArray array)) {
            throw error(attribute.position(), notAnArray.get());
        }
        List<Object> values = new ArrayList<>();
        for (JsValue element : array.elements()) {
            values.add(toJava(element));
        }
        return Collections.unmodifiableList(values);
    }

    private List<String> strings(Attribute attribute, Supplier<String> notAnArray, Supplier<String> notStrings) {
        if (attribute == null) {
            return null;
        }
        if (!(attribute.value() instanceof JsArray array)) {
            throw error(attribute.position(), notAnArray.get());
        }
        List<String> values = new ArrayList<>();
        for (JsValue element : array.elements()) {
            if (!(element instanceof JsString string)) {
                throw error(element.position(), notStrings.get());
            }
            values.add(string.value());
        }
        return sharedList(List.copyOf(values));
    }

    private List<String> optionalStrings(Map<String, Attribute> attributes, String key, Supplier<String> message) {
        return strings(attributes.get(key), message, message);
    }

    private String optionalString(Map<String, Attribute> attributes, String key, Supplier<String> message) {
        Attribute attribute = attributes.get(key);
        if (attribute == null) {
            return null;
        }
        if (attribute.value() instanceof JsString string) {
            return string.value();
        }
        throw error(attribute.position(), message.get());
    }

    private Boolean optionalBoolean(Map<String, Attribute> attributes, String key, Supplier<String> message) {
        Attribute attribute = attributes.get(key);
        if (attribute == null) {
            return null;
        }
        if (attribute.value() instanceof JsBoolean bool) {
            return bool.value();
        }
        throw error(attribute.position(), message.get());
    }

    private static String describe(Map<String, Attribute> attributes, String key) {
        Attribute attribute = attributes.get(key);
        return attribute == null ? "undefined" : attribute.value().describe();
    }

    // --- objects, spreads, plain values -----------------------------------------------------------------

    /** A resolved attribute and where it was written (for a spread, where the spread was written). */
    private record Attribute(JsValue value, SourcePosition position) {
    }

    /**
     * The object's attributes with spreads resolved, in JavaScript's order: a later key replaces an
     * earlier one, keeping the earlier one's place.
     */
    private Map<String, Attribute> flatten(JsObject object) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (JsValue.Member member : object.members()) {
            if (member instanceof JsValue.Property property) {
                attributes.put(property.key(), new Attribute(resolve(property.value()), property.position()));
            } else if (member instanceof JsValue.Spread spread) {
                JsObject spreadObject = asObject(resolve(spread.value()), "the spread");
                unfold(spread.value(), () -> flatten(spreadObject)).forEach((key, attribute) -> attributes.put(key,
                        new Attribute(attribute.value(), spread.position())));
            }
        }
        return attributes;
    }

    /**
     * A key written twice in one object literal: JavaScript keeps the last value and drops the first without a word,
     * so one of two settings the author wrote would be lost. A key that replaces one from a spread
     * ({@code { ...baseSchemaId, name: 'key' }}) is how ving files override, and is not repeated here.
     */
    private void rejectRepeatedKeys(JsObject object, String where) {
        Map<String, JsValue.Property> first = new HashMap<>();
        for (JsValue.Member member : object.members()) {
            if (member instanceof JsValue.Property property) {
                JsValue.Property earlier = first.putIfAbsent(property.key(), property);
                if (earlier != null) {
                    throw error(property.position(), where + " sets " + property.key() + " twice (first on line "
                            + earlier.position().line() + "): JavaScript would keep only the last; remove one.");
                }
            }
        }
    }

    /** A name used as a value stands for the constant of that name, when the file or ving defines one. */
    private JsValue resolve(JsValue value) {
        if (value instanceof JsIdentifier identifier) {
            return constants.apply(identifier.name()).orElse(value);
        }
        return value;
    }

    /**
     * Does {@code work} on what {@code reference} names, refusing a constant that refers to itself, directly or through
     * others ({@code const a = { ...a }}), which ving could not load either, and chains of constants deeper than
     * {@link ModuleParser#MAX_NESTING}: each would recurse without end, or past the stack.
     */
    private <T> T unfold(JsValue reference, Supplier<T> work) {
        if (!(reference instanceof JsIdentifier identifier)) {
            return work.get();
        }
        String name = identifier.name();
        if (unfolding.contains(name)) {
            List<String> cycle = new ArrayList<>(unfolding);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            throw error(reference.position(), name + " refers to itself (" + String.join(" → ", cycle) + " → " + name
                    + "), so it has no value.");
        }
        if (unfolding.size() >= ModuleParser.MAX_NESTING) {
            throw error(reference.position(), "Constants refer to constants more than " + ModuleParser.MAX_NESTING
                    + " deep here.");
        }
        unfolding.addLast(name);
        try {
            return work.get();
        } finally {
            unfolding.removeLast();
        }
    }

    private JsObject asObject(JsValue value, String what) {
        if (value instanceof JsObject object) {
            return object;
        }
        if (value instanceof JsIdentifier identifier) {
            throw error(value.position(), what + " refers to " + identifier.name()
                    + ", which is neither defined in this file nor one of ving's base props "
                    + "(baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt).");
        }
        throw error(value.position(), what + " must be an object, not " + value.describe() + ".");
    }

    /** The value as plain Java: String, Long, Double, Boolean, null, List, Map, or FunctionSource. */
    Object toJava(JsValue value) {
        try {
            return JsLiterals.toJava(value, this::nonLiteral);
        } catch (JsSyntaxException e) { // a spread of something that is no object
            throw error(e.position(), e.problem());
        }
    }

    /** A name is replaced by the constant it names; a function is kept as its source; any other expression as its text. */
    private Object nonLiteral(JsValue value) {
        JsValue resolved = resolve(value);
        if (resolved != value) {
            return unfold(value, () -> toJava(resolved));
        }
        if (value instanceof JsFunction function) {
            return functionSource(function).orElseThrow();
        }
        if (value instanceof JsIdentifier identifier) {
            return identifier.name();
        }
        if (value instanceof JsExpression expression) {
            return expression.source();
        }
        return toJava(value); // the literal operand of a spread, which must be an object
    }

    /** The instance of this list of strings the file's props share. */
    private List<String> sharedList(List<String> list) {
        List<String> known = stringLists.putIfAbsent(list, list);
        return known == null ? list : known;
    }

    /** The function as its source, never empty; the same instance for the same text (which gives the same callee). */
    private Optional<FunctionSource> functionSource(JsFunction function) {
        return functions.computeIfAbsent(function.source(),
                source -> Optional.of(new FunctionSource(source, function.firstCall())));
    }

    /** Where the object and each of its attributes (named by {@code keys}, in order) start. */
    private static Map<String, SourcePosition> positions(JsObject object, List<String> keys,
            Map<String, Attribute> attributes) {
        return new AttributePositions(object.position(), keys,
                attributes.values().stream().map(Attribute::position).toList());
    }

    /**
     * An unmodifiable copy in the same order. Most props have no extra attributes and one flag or none, and every prop
     * keeps its maps until it is checked: an empty or single-entry map is one small object, not a linked table.
     */
    private static <V> Map<String, V> compactCopy(Map<String, V> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map.size() == 1) {
            Map.Entry<String, V> only = map.entrySet().iterator().next();
            return Collections.singletonMap(only.getKey(), only.getValue()); // an extra attribute may be null
        }
        return Collections.unmodifiableMap(map);
    }

    private SchemaException error(SourcePosition position, String problem) {
        return new SchemaException(file, position, problem);
    }
}
