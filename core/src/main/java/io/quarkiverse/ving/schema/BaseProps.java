package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.js.JsModule;
import io.quarkiverse.ving.js.JsValue;
import io.quarkiverse.ving.js.ModuleParser;

/**
 * ving's three base props, which schema files spread into their props ({@code { ...baseSchemaId }}).
 * They are written here in ving's own notation, exactly as ving's helpers define them, and read with the
 * same parser as schema files, so a spread of them is read like any other object.
 */
final class BaseProps {

    private static final String SOURCE = """
            export const baseSchemaId = {
                type: "id", name: "id", required: false, default: undefined,
                db: (prop) => dbPk(prop), view: ['public'], edit: [],
            };
            export const baseSchemaCreatedAt = {
                type: "date", name: "createdAt", filterRange: true, required: true,
                default: () => new Date(), db: (prop) => dbTimestamp(prop), view: ['public'], edit: [],
            };
            export const baseSchemaUpdatedAt = {
                type: "date", name: "updatedAt", filterRange: true, required: true, autoUpdate: true,
                default: () => new Date(), db: (prop) => dbTimestamp(prop), view: ['public'], edit: [],
            };
            """;

    private static final Map<String, JsValue.JsObject> BY_NAME = parse();

    private BaseProps() {
    }

    /** The base prop with this name ({@code baseSchemaId}, …), if it is one. */
    static Optional<JsValue> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, JsValue.JsObject> parse() {
        JsModule module = ModuleParser.parseModule(Path.of("ving/schema/helpers.mjs"), SOURCE);
        Map<String, JsValue.JsObject> byName = new LinkedHashMap<>();
        for (JsModule.Declaration declaration : module.constants()) {
            byName.put(declaration.name(), (JsValue.JsObject) declaration.value());
        }
        return Map.copyOf(byName);
    }
}
