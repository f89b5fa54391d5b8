package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.quarkiverse.ving.schema.mjs.JsModule;
import io.quarkiverse.ving.schema.mjs.JsModule.Declaration;
import io.quarkiverse.ving.schema.mjs.JsValue;
import io.quarkiverse.ving.schema.mjs.ModuleParser;

/**
 * Reads ving's own schema files ({@code User.mjs}) as ving writes them: the schema is the exported
 * constant whose name ends in {@code Schema} ({@code export const userSchema = {…}}); the file's other
 * exports ({@code RoleOptions}, {@code extensionMap}) come along as {@link Schema#exports()}.
 */
public final class MjsSchemaReader implements SchemaReader {

    @Override
    public String extension() {
        return "mjs";
    }

    @Override
    public Schema read(Path file, String text) {
        JsModule module = ModuleParser.parseModule(file, text);
        Map<String, JsValue> constants = new LinkedHashMap<>();
        module.constants().forEach(declaration -> constants.put(declaration.name(), declaration.value()));
        SchemaAssembler assembler = new SchemaAssembler(file,
                name -> Optional.ofNullable(constants.get(name)).or(() -> BaseProps.named(name)));

        Declaration schema = schemaDeclaration(module);
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
        return assembler.assemble(root, java.util.Collections.unmodifiableMap(exports));
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
}
