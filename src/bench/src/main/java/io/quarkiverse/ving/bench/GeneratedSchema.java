package io.quarkiverse.ving.bench;

/**
 * A User schema of any number of props, in ving's {@code .mjs} form and in the JSON form: the base props, then props
 * of every type in turn (strings, a unique one scoped by another prop, ints, booleans, enums, dates, json, parent
 * relations), each valid on its own.
 */
final class GeneratedSchema {

    /** The kinds of prop, one after the other. */
    private static final int VARIANTS = 8;

    private GeneratedSchema() {
    }

    static String mjs(int props) {
        StringBuilder text = new StringBuilder("""
                import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar, dbInt, dbBoolean, dbEnum,
                    dbDateTime, dbJson, dbRelation, zodString, zodNumber, zodJsonObject } from '../helpers.mjs';

                export const RoleOptions = ['admin', 'developer'];

                export const userSchema = {
                    kind: 'User',
                    tableName: 'users',
                    owner: ['$id', 'admin'],
                    props: [
                        { ...baseSchemaId },
                        { ...baseSchemaCreatedAt },
                        { ...baseSchemaUpdatedAt },
                """);
        for (int i = 0; i < props; i++) {
            text.append(mjsProp(i % VARIANTS).formatted(i, i - 1));
        }
        return text.append("    ],\n};\n").toString();
    }

    /** The text of one prop of the .mjs form; %1$d is its number, %2$d the number of the prop before it. */
    private static String mjsProp(int variant) {
        return switch (variant) {
                case 0 -> """
                                {
                                    type: "string", name: "name%1$d", required: true, length: 20, default: '',
                                    db: (prop) => dbVarChar(prop), zod: (prop) => zodString(prop),
                                    view: ['public'], edit: ['owner'],
                                },
                        """;
                case 1 -> """
                                {
                                    type: "string", name: "code%1$d", required: true, length: 12, default: '',
                                    unique: true, uniqueQualifiers: ['name%2$d'],
                                    db: (prop) => dbVarChar(prop), zod: (prop) => zodString(prop),
                                    view: ['public'], edit: ['owner'],
                                },
                        """;
                case 2 -> """
                                {
                                    type: "int", name: "count%1$d", required: false, default: 0, filterRange: true,
                                    db: (prop) => dbInt(prop), zod: (prop) => zodNumber(prop),
                                    view: ['public'], edit: ['owner'],
                                },
                        """;
                case 3 -> """
                                {
                                    type: "boolean", name: "flag%1$d", required: true, default: false,
                                    enums: [false, true], enumLabels: ['No', 'Yes'],
                                    db: (prop) => dbBoolean(prop), view: ['public'], edit: ['owner'],
                                },
                        """;
                case 4 -> """
                                {
                                    type: "enum", name: "colour%1$d", required: true, default: 'red', filterQuery: true,
                                    enums: ['red', 'green'], enumLabels: ['Red', 'Green'],
                                    db: (prop) => dbEnum(prop), view: ['public'], edit: ['owner'],
                                },
                        """;
                case 5 -> """
                                {
                                    type: "date", name: "seenAt%1$d", required: true, default: () => new Date(),
                                    db: (prop) => dbDateTime(prop), view: ['public'], edit: [],
                                },
                        """;
                case 6 -> """
                                {
                                    type: "json", name: "data%1$d", required: false, default: '{}',
                                    db: (prop) => dbJson(prop), zod: (prop) => zodJsonObject(prop).passthrough(),
                                    view: ['owner'], edit: ['owner'],
                                },
                        """;
                default -> """
                                {
                                    type: "id", name: "sponsor%1$dId", required: false, default: undefined,
                                    db: (prop) => dbRelation(prop),
                                    relation: { type: 'parent', name: 'sponsor%1$d', kind: 'User' },
                                    view: ['public'], edit: ['owner'],
                                },
                        """;
        };
    }

    static String json(int props) {
        StringBuilder text = new StringBuilder("""
                {
                  "kind": "User",
                  "tableName": "users",
                  "owner": ["$id", "admin"],
                  "props": [
                    "baseSchemaId", "baseSchemaCreatedAt", "baseSchemaUpdatedAt\"""");
        for (int i = 0; i < props; i++) {
            text.append(",\n").append(jsonProp(i % VARIANTS).formatted(i, i - 1));
        }
        return text.append("\n  ],\n  \"exports\": { \"RoleOptions\": [\"admin\", \"developer\"] }\n}\n").toString();
    }

    /** The text of one prop of the JSON form, numbered as in {@link #mjsProp}. */
    private static String jsonProp(int variant) {
        return switch (variant) {
                case 0 -> """
                            { "type": "string", "name": "name%1$d", "required": true, "length": 20, "default": "",
                              "db": "dbVarChar", "zod": "zodString", "view": ["public"], "edit": ["owner"] }""";
                case 1 -> """
                            { "type": "string", "name": "code%1$d", "required": true, "length": 12, "default": "",
                              "unique": true, "uniqueQualifiers": ["name%2$d"],
                              "db": "dbVarChar", "zod": "zodString", "view": ["public"], "edit": ["owner"] }""";
                case 2 -> """
                            { "type": "int", "name": "count%1$d", "required": false, "default": 0, "filterRange": true,
                              "db": "dbInt", "zod": "zodNumber", "view": ["public"], "edit": ["owner"] }""";
                case 3 -> """
                            { "type": "boolean", "name": "flag%1$d", "required": true, "default": false,
                              "enums": [false, true], "enumLabels": ["No", "Yes"],
                              "db": "dbBoolean", "view": ["public"], "edit": ["owner"] }""";
                case 4 -> """
                            { "type": "enum", "name": "colour%1$d", "required": true, "default": "red", "filterQuery": true,
                              "enums": ["red", "green"], "enumLabels": ["Red", "Green"],
                              "db": "dbEnum", "view": ["public"], "edit": ["owner"] }""";
                case 5 -> """
                            { "type": "date", "name": "seenAt%1$d", "required": true,
                              "default": {"function": "() => new Date()"}, "db": "dbDateTime", "view": ["public"], "edit": [] }""";
                case 6 -> """
                            { "type": "json", "name": "data%1$d", "required": false, "default": "{}",
                              "db": "dbJson", "zod": {"function": "(prop) => zodJsonObject(prop).passthrough()"},
                              "view": ["owner"], "edit": ["owner"] }""";
                default -> """
                            { "type": "id", "name": "sponsor%1$dId", "required": false,
                              "default": {"function": "() => undefined"}, "db": "dbRelation",
                              "relation": { "type": "parent", "name": "sponsor%1$d", "kind": "User" },
                              "view": ["public"], "edit": ["owner"] }""";
        };
    }
}
