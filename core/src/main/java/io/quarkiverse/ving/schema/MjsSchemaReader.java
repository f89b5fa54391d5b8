package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.quarkiverse.ving.js.ElementSink;
import io.quarkiverse.ving.js.JsModule.Declaration;
import io.quarkiverse.ving.js.JsModule;
import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsValue.Member;
import io.quarkiverse.ving.js.JsValue;
import io.quarkiverse.ving.js.ModuleListener;
import io.quarkiverse.ving.js.ModuleParser;

/**
 * Reads ving's own schema files ({@code User.mjs}) as ving writes them: the schema is the exported
 * constant whose name ends in {@code Schema} ({@code export const userSchema = {…}}); the file's other
 * exports ({@code RoleOptions}, {@code extensionMap}) come along as {@link Schema#exports()}.
 *
 * <p>
 * The props of {@code export const …Schema = { kind: …, props: [ … ] }} are assembled as the parser reads them
 * ({@link EarlyProps}); a file where that cannot stand (the schema is another constant, a name the props use is
 * defined again further down, something refers to the schema constant itself) is read again the whole-tree way.
 */
public final class MjsSchemaReader implements SchemaReader {

    @Override
    public String extension() {
        return "mjs";
    }

    @Override
    public Schema read(Path file, String text) {
        try {
            EarlyPropsListener listener = new EarlyPropsListener(file);
            JsModule module = ModuleParser.parseModule(file, text, listener);
            try {
                return read(module, listener);
            } catch (EarlyProps.Unusable e) {
                return read(ModuleParser.parseModule(file, text), null);
            }
        } catch (JsSyntaxException e) {
            throw new SchemaException(e);
        }
    }

    /**
     * @param listener what assembled the props early while the module was parsed; null when nothing did
     * @throws EarlyProps.Unusable when the early props do not stand for the schema's
     */
    private static Schema read(JsModule module, EarlyPropsListener listener) {
        Path file = module.file();
        Map<String, JsValue> constants = new LinkedHashMap<>();
        module.constants().forEach(declaration -> constants.put(declaration.name(), declaration.value()));
        Function<String, Optional<JsValue>> lookUp = name -> Optional.ofNullable(constants.get(name))
                .or(() -> BaseProps.named(name));
        EarlyProps early = listener == null ? null : listener.early;

        Declaration schema = schemaDeclaration(module);
        if (early != null && (schema.value() != listener.earlyDeclaration || !listener.lookUpsStillHold(lookUp))) {
            throw new EarlyProps.Unusable();
        }
        SchemaAssembler assembler = new SchemaAssembler(file, early == null ? lookUp : name -> {
            Optional<JsValue> found = lookUp.apply(name);
            if (found.isPresent() && found.get() == listener.earlyDeclaration) {
                throw new EarlyProps.Unusable(); // its props are no longer in the value tree to be read again
            }
            return found;
        });
        if (!(schema.value() instanceof JsValue.JsObject root)) {
            throw new SchemaException(file, schema.value().position(),
                    schema.name() + " must be an object literal ({ kind: …, tableName: …, props: […] }), not "
                            + schema.value().describe() + ".");
        }
        Map<String, Object> exports = new LinkedHashMap<>();
        for (Declaration declaration : module.constants()) {
            if (declaration.exported() && declaration != schema) {
                exports.put(declaration.name(), assembler.toJava(declaration.value()));
            }
        }
        return assembler.assemble(root, Collections.unmodifiableMap(exports), early);
    }

    private static Declaration schemaDeclaration(JsModule module) {
        List<Declaration> candidates = module.constants().stream()
                .filter(declaration -> declaration.exported() && declaration.name().endsWith("Schema"))
                .toList();
        if (candidates.size() > 1) {
            List<Declaration> withKind = candidates.stream()
                    .filter(d -> d.value() instanceof JsValue.JsObject object && object.get("kind").isPresent())
                    .toList();
            candidates = withKind.isEmpty() ? candidates : withKind;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new SchemaException(module.file(), null,
                    "No schema found: a ving schema file exports its schema as `export const <kind>Schema = { kind: …, tableName: …, props: […] }`.");
        }
        throw new SchemaException(module.file(), candidates.get(1).position(),
                "More than one schema exported ("
                        + candidates.stream().map(Declaration::name).collect(Collectors.joining(", "))
                        + "); a ving schema file holds exactly one kind.");
    }

    /**
     * Assembles the props of the first {@code export const …Schema = { kind: '…', …, props: [ … ] }} as they are
     * parsed, resolving names by the constants declared before them, and remembers what each name stood for.
     */
    private static final class EarlyPropsListener implements ModuleListener {

        private final Path file;
        private final Map<String, JsValue> declaredSoFar = new HashMap<>();
        /** Each name the early props looked up, and what it stood for then. */
        private final Map<String, Optional<JsValue>> lookUps = new HashMap<>();
        private EarlyProps early;
        /** The value of the declaration whose props {@link #early} holds, once it is parsed. */
        private JsValue earlyDeclaration;

        EarlyPropsListener(Path file) {
            this.file = file;
        }

        @Override
        public ElementSink elementsOf(String declaration, boolean exported, String key, List<Member> before) {
            String kind = EarlyProps.kindBefore(before);
            if (early != null || !exported || !declaration.endsWith("Schema") || !key.equals("props") || kind == null) {
                return null;
            }
            early = new EarlyProps(new SchemaAssembler(file, this::lookUpSoFar), kind, UnaryOperator.identity());
            return early;
        }

        @Override
        public void declared(Declaration declaration) {
            declaredSoFar.put(declaration.name(), declaration.value());
            if (early != null && earlyDeclaration == null) {
                earlyDeclaration = declaration.value();
            }
        }

        private Optional<JsValue> lookUpSoFar(String name) {
            Optional<JsValue> found = Optional.ofNullable(declaredSoFar.get(name)).or(() -> BaseProps.named(name));
            lookUps.putIfAbsent(name, found);
            return found;
        }

        /** Whether every name the early props looked up stands for the same in the whole file. */
        boolean lookUpsStillHold(Function<String, Optional<JsValue>> lookUp) {
            return lookUps.entrySet().stream()
                    .allMatch(entry -> lookUp.apply(entry.getKey()).orElse(null) == entry.getValue().orElse(null));
        }
    }
}
