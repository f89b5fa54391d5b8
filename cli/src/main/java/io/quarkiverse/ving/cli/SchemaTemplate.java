package io.quarkiverse.ving.cli;

import java.util.Locale;
import java.util.regex.Pattern;

import io.quarkiverse.ving.codegen.RecordClassWriter;

/**
 * The skeleton {@code ving schema --new KIND} writes: the three base props, a name, and, when the folder has a User
 * kind, the owning user and the admin role as owners, as ving's own template has them. A starting point that validates, to be edited.
 */
final class SchemaTemplate {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private SchemaTemplate() {
    }

    /** Why this is no kind name ving accepts, or null when it is one. */
    static String problemWith(String kind) {
        if (!KIND.matcher(kind).matches()) {
            return "A kind is named in PascalCase, letters and digits only (Widget, APIKey, S3File), not " + kind + ".";
        }
        return null;
    }

    /** ving's table name for a kind: its plural, in lower case ({@code Category} → {@code categories}). */
    static String tableName(String kind) {
        return RecordClassWriter.kindClass(kind).toLowerCase(Locale.ROOT);
    }

    static String render(String kind, boolean ownedByUser) {
        String variable = kind.toLowerCase(Locale.ROOT) + "Schema";
        StringBuilder out = new StringBuilder();
        out.append("import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar, zodString")
                .append(ownedByUser ? ", dbRelation" : "").append(" } from '../helpers.mjs';\n\n");
        out.append("export const ").append(variable).append(" = {\n");
        out.append("    kind: '").append(kind).append("',\n");
        out.append("    tableName: '").append(tableName(kind)).append("',\n");
        // roles such as admin are declared by User's RoleOptions: without a User kind there are none to name
        out.append("    owner: [").append(ownedByUser ? "'$userId', 'admin'" : "").append("],\n");
        out.append("""
                    props: [
                        { ...baseSchemaId },
                        { ...baseSchemaCreatedAt },
                        { ...baseSchemaUpdatedAt },
                        {
                            type: "string",
                            name: "name",
                            required: true,
                            length: 60,
                            default: '',
                            db: (prop) => dbVarChar(prop),
                            zod: (prop) => zodString(prop),
                            view: ['public'],
                            edit: ['owner'],
                        },
                """);
        if (ownedByUser) {
            out.append("""
                            {
                                type: "id",
                                name: 'userId',
                                required: true,
                                filterQualifier: true,
                                default: undefined,
                                db: (prop) => dbRelation(prop),
                                relation: {
                                    type: 'parent',
                                    name: 'user',
                                    kind: 'User',
                                },
                                view: ['public'],
                                edit: ['owner'],
                            },
                    """);
        }
        out.append("    ],\n};\n");
        return out.toString();
    }
}
