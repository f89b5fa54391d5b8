package io.quarkiverse.ving.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.ving.js.SourcePosition;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.KeyNames;
import io.quarkiverse.ving.table.TableLimits;

/**
 * Checks a set of ving schemas as ving's {@code ving/schema/validator.mjs} does, with ving's messages and codes,
 * plus a few checks ving leaves to run time (duplicate kinds, tables and props; unknown column helpers and the
 * helpers' own length limits from {@code ving/schema/helpers.mjs}).
 *
 * <p>
 * ving stops at the first problem; this validator reports every problem it finds, in ving's check order. Within one
 * check, it stops where ving's check would, since later steps of a check assume the earlier ones passed; a check that
 * names a value (an owner, a role, a qualifier) reports each bad value. A schema without a kind is not checked further.
 */
public final class SchemaValidator {

    /** ving's code for a missing attribute. */
    static final int MISSING_ATTRIBUTE = 441;
    /** ving's code for an attribute outside the normal definition. */
    static final int INVALID_ATTRIBUTE = SchemaException.DEFAULT_CODE;

    private static final List<String> PROP_TYPES = List.of("boolean", "int", "date", "enum", "id", "string", "json",
            "virtual");

    /** ving accepts sibling relations too, though its message names only child and parent. */
    private static final List<String> RELATION_TYPES = List.of("child", "parent", "sibling");

    /** Roles every view and edit list may name besides the User schema's RoleOptions. */
    private static final List<String> SPECIAL_ROLES = List.of("public", "owner");

    /** The column helpers exported by ving's {@code ving/schema/helpers.mjs}. */
    static final List<String> COLUMN_HELPERS = List.of("dbPk", "dbTimestamp", "dbDateTime", "dbVarChar", "dbString",
            "dbText", "dbMediumText", "dbEnum", "dbBoolean", "dbInt", "dbBigInt", "dbJson", "dbUuid", "dbRelation");

    /** The length limits the string column helpers enforce when ving builds the drizzle schema. */
    private record HelperLimit(long maxLength, String fieldDescription) {
    }

    private static final Map<String, HelperLimit> HELPER_LIMITS = Map.of(
            "dbVarChar", new HelperLimit(256, "a varchar field"),
            "dbString", new HelperLimit(256, "a varchar field"),
            "dbText", new HelperLimit(65_535, "a text field"),
            "dbMediumText", new HelperLimit(16_777_215, "a medium text field"));

    /**
     * The MySQL 8.0 keywords, reserved and non-reserved (the symbols of MySQL's {@code sql/lex.h}), that end in S:
     * the only ones a ving table name, which must end in "s", can collide with. ving's validator lists 61 of them;
     * this list adds the rest (AS, IS, EXISTS, DATABASES, SCHEMAS, KEYS, LINES, VALUES, the 8.0.23 SOURCE_* words …).
     */
    static final Set<String> MYSQL_KEYWORDS_ENDING_IN_S = Set.of(
            "ALWAYS", "AS", "ASSIGN_GTIDS_TO_ANONYMOUS_TRANSACTIONS", "BUCKETS", "COLUMNS", "CONTAINS", "DATABASES",
            "DIAGNOSTICS", "ENDS", "ENGINES", "ERRORS", "EVENTS", "EXISTS", "FAILED_LOGIN_ATTEMPTS", "FAULTS", "FIELDS",
            "FOLLOWS", "GRANTS", "GROUPS", "HOSTS", "IGNORE_SERVER_IDS", "INDEXES", "IO_AFTER_GTIDS", "IO_BEFORE_GTIDS",
            "IS", "KEYS", "LEAVES", "LESS", "LINES", "LOCKS", "LOGS", "MASTER_COMPRESSION_ALGORITHMS", "MASTER_LOG_POS",
            "MASTER_TLS_CIPHERSUITES", "MAX_ROWS", "MAX_USER_CONNECTIONS", "MIN_ROWS", "MODIFIES", "NAMES", "NULLS",
            "OPTIMIZER_COSTS", "OPTIONS", "OTHERS", "PACK_KEYS", "PARTITIONS", "PLUGINS", "PRECEDES", "PRIVILEGES",
            "PROCESS", "PROFILES", "READS", "RELAY_LOG_POS", "REPLICAS", "RETURNS", "ROWS", "SCHEMAS", "SOUNDS",
            "SOURCE_COMPRESSION_ALGORITHMS", "SOURCE_LOG_POS", "SOURCE_TLS_CIPHERSUITES", "SQL_AFTER_GTIDS",
            "SQL_AFTER_MTS_GAPS", "SQL_BEFORE_GTIDS", "SQL_CALC_FOUND_ROWS", "STARTS", "STATS_SAMPLE_PAGES", "STATUS",
            "SUBPARTITIONS", "SWAPS", "SWITCHES", "TABLES", "TIES", "TLS", "TRIGGERS", "TYPES", "USER_RESOURCES", "VALUES",
            "VARIABLES", "WARNINGS");

    private static final Pattern PASCAL_CASE = Pattern.compile("^[A-Z]");
    private static final Pattern LOWER_CASE_START = Pattern.compile("^[a-z]");
    private static final Pattern LETTER_START = Pattern.compile("^[a-zA-Z]");
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z0-9_]+");
    private static final Pattern OWNER_PROP = Pattern.compile("^\\$(.*)$");
    private static final Pattern OWNER_RELATION = Pattern.compile("^\\^(.*)$");

    private final List<Schema> schemas;
    private final Map<String, Schema> schemasByKind = new LinkedHashMap<>();
    /** Where each kind and each table name first appears in the list, to find the second use in one step. */
    private final Map<String, Integer> firstIndexOfKind = new HashMap<>();
    private final Map<String, Integer> firstIndexOfTable = new HashMap<>();
    private final Map<Schema, PropNames> propNames = new IdentityHashMap<>();
    private final Set<String> roleOptions;
    private final Set<String> s3FileExtensions;
    private final List<SchemaException> problems = new ArrayList<>();

    private SchemaValidator(List<Schema> schemas) {
        this.schemas = schemas.stream().filter(Objects::nonNull).toList();
        for (int i = 0; i < this.schemas.size(); i++) {
            Schema schema = this.schemas.get(i);
            if (schema.kind() != null) {
                schemasByKind.putIfAbsent(schema.kind(), schema);
                firstIndexOfKind.putIfAbsent(schema.kind(), i);
            }
            if (schema.tableName() != null) {
                firstIndexOfTable.putIfAbsent(schema.tableName(), i);
            }
        }
        this.roleOptions = roleOptions(schemasByKind.get("User"));
        this.s3FileExtensions = extensionMapKeys(schemasByKind.get("S3File"));
    }

    /** Every problem of the schemas, in list order and, within a schema, in ving's check order. */
    public static List<SchemaException> validate(List<Schema> schemas) {
        SchemaValidator validator = new SchemaValidator(schemas);
        for (int i = 0; i < validator.schemas.size(); i++) {
            validator.checkSchema(i);
        }
        return List.copyOf(validator.problems);
    }

    /** Throws a {@link SchemaValidationException} listing every problem, if there is any. */
    public static void validateOrThrow(List<Schema> schemas) {
        List<SchemaException> problems = validate(schemas);
        if (!problems.isEmpty()) {
            throw new SchemaValidationException(problems);
        }
    }

    private void checkSchema(int index) {
        Schema schema = schemas.get(index);
        int problemsBefore = problems.size();
        if (!checkKind(schema)) {
            return;
        }
        checkDuplicateKind(schema, index);
        checkTableName(schema);
        checkDuplicateTableName(schema, index);
        checkOwner(schema);
        if (schema.props() == null) {
            report(schema, "props", "Schema " + schema.kind() + " props is not an array.");
            return;
        }
        for (Prop prop : schema.props()) {
            if (prop != null) {
                new PropChecks(schema, prop).run();
            }
        }
        checkDuplicateProps(schema);
        if (problems.size() == problemsBefore) {
            checkTableSize(schema);
        }
    }

    /**
     * Beyond ving: InnoDB's limits on a table's columns and on the size of its rows, counted on the columns the
     * schema's table will have ({@link TableLimits}); only once its props are valid, since the columns come from them.
     */
    private void checkTableSize(Schema schema) {
        List<Column<?>> columns = new ArrayList<>();
        for (Prop prop : schema.columnProps()) {
            try {
                columns.add(TableMapper.column(schema, prop));
            } catch (SchemaException e) {
                problems.add(e); // e.g. a json default that is not JSON text: it would fail the migration too
            }
        }
        if (columns.size() != schema.columnProps().size()) {
            return;
        }
        String label = "Schema " + schema.kind();
        if (columns.size() > TableLimits.MAX_COLUMNS) {
            report(schema, "props", String.format(Locale.ROOT, "%s has %,d columns; InnoDB allows at most %,d in a table.",
                    label, columns.size(), TableLimits.MAX_COLUMNS));
        }
        TableLimits.RowSize size = TableLimits.rowSize(columns);
        if (size.serverBytes() > TableLimits.MAX_ROW_BYTES) {
            report(schema, "props", String.format(Locale.ROOT, "%s rows take up to %,d bytes; MySQL allows at most %,d "
                    + "(text and json columns count 10 to 12 bytes each, strings 4 bytes a character): make some "
                    + "strings shorter or text.", label, size.serverBytes(), TableLimits.MAX_ROW_BYTES));
        } else if (size.innodbRecordBytes() > TableLimits.MAX_INNODB_RECORD_BYTES) {
            report(schema, "props", String.format(Locale.ROOT, "%s rows keep up to %,d bytes in an InnoDB page; InnoDB "
                    + "allows at most %,d (16 KB pages): fewer columns, or text columns in place of short strings, "
                    + "would fit.", label, size.innodbRecordBytes(), TableLimits.MAX_INNODB_RECORD_BYTES));
        }
    }

    // ---- schema-level checks ----

    /** Whether the schema has a kind, without which nothing else can be named. */
    private boolean checkKind(Schema schema) {
        if (schema.kind() == null) {
            report(schema, schemaPosition(schema, "kind"), MISSING_ATTRIBUTE, "Schema does not have kind.");
            return false;
        }
        if (!PASCAL_CASE.matcher(schema.kind()).find()) {
            report(schema, "kind", "Schema " + schema.kind() + " kind is not Pascal case.");
        }
        return true;
    }

    /** Beyond ving: a second schema of the same kind would silently shadow the first. */
    private void checkDuplicateKind(Schema schema, int index) {
        int first = firstIndexOfKind.get(schema.kind());
        if (first < index) {
            report(schema, "kind", "Schema kind " + schema.kind() + " is defined twice: "
                    + describe(schemas.get(first).file()) + " and " + describe(schema.file()) + ".");
        }
    }

    private void checkTableName(Schema schema) {
        String tableName = schema.tableName();
        String kind = schema.kind();
        if (tableName == null || !LOWER_CASE_START.matcher(tableName).find()) {
            report(schema, "tableName", "Schema " + kind + " tableName is not lower case.");
        } else if (!tableName.endsWith("s")) {
            report(schema, "tableName", "Schema " + kind + " tableName does not end with an s.");
        } else if (MYSQL_KEYWORDS_ENDING_IN_S.contains(tableName.toUpperCase(Locale.ROOT))) {
            report(schema, "tableName", "Schema " + kind + " tableName matches a MySQL reserved word.");
        }
        if (tableName != null) {
            TableLimits.nameProblem(tableName, "a table name")
                    .ifPresent(problem -> report(schema, "tableName", "Schema " + kind + " tableName " + problem + "."));
        }
    }

    /** Beyond ving: two kinds sharing a table would overwrite each other's rows. */
    private void checkDuplicateTableName(Schema schema, int index) {
        if (schema.tableName() == null) {
            return;
        }
        int first = firstIndexOfTable.get(schema.tableName());
        if (first < index) {
            report(schema, "tableName", "Schema " + schema.kind() + " tableName " + schema.tableName()
                    + " is defined twice: " + describe(schemas.get(first).file()) + " and " + describe(schema.file())
                    + ".");
        }
    }

    /** Owners are roles, {@code $prop} (a prop pointing at a User) or {@code ^relation} (a parent relation). */
    private void checkOwner(Schema schema) {
        if (schema.owner() == null) {
            report(schema, "owner", "Schema " + schema.kind() + " owner is not an array.");
            return;
        }
        for (Object owner : schema.owner()) {
            String text = String.valueOf(owner);
            String prefix = "Schema " + schema.kind() + " owner " + text;
            if (roleOptions.contains(owner)) {
                continue;
            }
            if (text.contains("$")) {
                checkOwnerProp(schema, text, prefix);
            } else if (text.contains("^")) {
                checkOwnerRelation(schema, text, prefix);
            } else {
                report(schema, "owner", prefix + " doesn't match any known roles.");
            }
        }
    }

    /** {@code $prop}: the record's owner is the User the prop points at (or the User itself, for its id). */
    private void checkOwnerProp(Schema schema, String owner, String prefix) {
        Matcher found = OWNER_PROP.matcher(owner);
        if (!found.matches()) {
            report(schema, "owner", prefix + " is malformed.");
            return;
        }
        Optional<Prop> prop = names(schema).first(found.group(1));
        if (prop.isEmpty()) {
            report(schema, "owner", prefix + " is not in the props.");
        } else if (!referencesUser(schema, prop.get())) {
            report(schema, "owner", prefix + " must reference a User.");
        }
    }

    /** {@code ^relation}: the record's owner is whoever owns its parent through that relation. */
    private void checkOwnerRelation(Schema schema, String owner, String prefix) {
        Matcher found = OWNER_RELATION.matcher(owner);
        if (!found.matches()) {
            report(schema, "owner", prefix + " is malformed.");
            return;
        }
        Optional<Relation> relation = names(schema).relation(found.group(1));
        if (relation.isEmpty()) {
            report(schema, "owner", prefix + " is not in the props.");
        } else if (!relation.get().isParent()) {
            report(schema, "owner", prefix + " must reference a prop that has a relation type of 'parent'.");
        }
    }

    private static boolean referencesUser(Schema schema, Prop prop) {
        boolean relatesToUser = prop.relation().map(relation -> "User".equals(relation.kind())).orElse(false);
        boolean isUserId = "id".equals(prop.name()) && "User".equals(schema.kind());
        return relatesToUser || isUserId;
    }

    /**
     * Beyond ving: a second prop of the same name would shadow the first. Virtual props are the exception, since
     * several child relations may hang off the same foreign key name ({@code userId{apikeys}}, {@code userId{s3files}}).
     */
    private void checkDuplicateProps(Schema schema) {
        Map<String, NameUse> uses = new HashMap<>();
        for (Prop prop : schema.props()) {
            if (prop == null) {
                continue;
            }
            NameUse use = uses.computeIfAbsent(prop.name(), name -> new NameUse());
            if (use.clashesWith(prop)) {
                report(schema, propPosition(prop, "name"), INVALID_ATTRIBUTE, schema.pathOf(prop) + " is defined twice.");
            }
            use.add(prop);
        }
    }

    /** The props seen so far under one name: a later prop clashes unless both are virtual with other relations. */
    private static final class NameUse {
        private boolean columnProp;
        private final Set<Optional<String>> virtualRelations = new HashSet<>();

        boolean clashesWith(Prop prop) {
            if (!prop.isVirtual()) {
                return columnProp || !virtualRelations.isEmpty();
            }
            return columnProp || virtualRelations.contains(relationName(prop));
        }

        void add(Prop prop) {
            if (prop.isVirtual()) {
                virtualRelations.add(relationName(prop));
            } else {
                columnProp = true;
            }
        }

        private static Optional<String> relationName(Prop prop) {
            return prop.relation().map(Relation::name);
        }
    }

    // ---- per-prop checks, in ving's order ----

    /** The checks of one prop; each method is one of ving's {@code validateProp…} functions. */
    private final class PropChecks {

        private final Schema schema;
        private final Prop prop;
        /** ving's path to the prop, {@code User.props.email}, which leads every message. */
        private final String path;

        PropChecks(Schema schema, Prop prop) {
            this.schema = schema;
            this.prop = prop;
            this.path = schema.pathOf(prop);
        }

        void run() {
            if (!checkType()) {
                // Every later rule depends on the type; an unknown one would only add noise.
                checkName();
                return;
            }
            checkName();
            checkRequired();
            checkDefault();
            checkDb();
            checkDbHelper();
            checkZod();
            checkRoles("view", prop.view());
            checkRoles("edit", prop.edit());
            checkRelation();
            checkOptions();
            checkEnums();
            checkEnumLabels();
            checkLength();
            checkUnique();
            checkUniqueQualifiers();
            checkFlagPlacement("filterQuery", PropType.ENUM, PropType.STRING);
            checkFilterQualifier();
            checkFlagPlacement("filterRange", PropType.INT, PropType.DATE);
            checkFlagPlacement("autoUpdate", PropType.DATE);
            checkFlagPlacement("allowRealPubicId", PropType.ID);
            checkIndex();
            checkKeyNames();
        }

        /** Returns whether the type is known. */
        private boolean checkType() {
            if (prop.type() == null || !PROP_TYPES.contains(prop.type())) {
                fail("type", path + ".type is invalid: " + prop.type());
                return false;
            }
            if (prop.isVirtual() && !prop.relation().map(Relation::isChild).orElse(false)) {
                fail("relation", path + ".relation.type must be child when " + path + ".type is virtual.");
            }
            return true;
        }

        private void checkName() {
            String name = prop.name() == null ? "" : prop.name();
            if (!LETTER_START.matcher(name).find()) {
                fail("name", path + ".name must start with a letter.");
            } else if (!PLAIN_NAME.matcher(name).matches()) {
                // ving's own test only looks for one plain character; we require the whole name be plain.
                fail("name", path + ".name cannot contain any funky characters.");
            } else if (!prop.isVirtual()) {
                TableLimits.nameProblem(name, "a column name").ifPresent(problem -> fail("name", path + ".name " + problem + "."));
            }
        }

        private void checkRequired() {
            if (prop.required() == null) {
                fail("required", path + ".required must be a boolean.");
            }
        }

        /** Every type needs a default of its own sort; a missing default fails too. */
        private void checkDefault() {
            PropDefault value = prop.defaultValue() == null ? PropDefault.ABSENT : prop.defaultValue();
            boolean function = value.isFunction();
            Object literal = value instanceof PropDefault.Literal l ? l.value() : null;
            boolean isString = literal instanceof String;
            boolean isNumber = literal instanceof Number;
            boolean isBoolean = literal instanceof Boolean;
            boolean isUndefined = value instanceof PropDefault.Undefined;
            switch (String.valueOf(prop.type())) {
                case "string", "json", "enum" -> {
                    if (!(isString || function)) {
                        fail("default", path + ".default must be a string or a function.");
                    }
                }
                case "id", "virtual" -> {
                    if (!(isNumber || function || isUndefined)) {
                        fail("default", path + ".default must be a number or a function or explicitly undefined.");
                    }
                }
                case "int" -> {
                    if (!(isNumber || function)) {
                        fail("default", path + ".default must be a number or a function.");
                    }
                }
                case "date" -> {
                    if (!function) {
                        fail("default", path + ".default must be a function.");
                    }
                }
                case "boolean" -> {
                    if (!(function || isBoolean)) {
                        fail("default", path + ".default must be a function or a boolean.");
                    }
                }
                default -> {
                    // an invalid type was reported by checkType
                }
            }
        }

        /** Virtual props have no column; every other prop needs a column helper. */
        private void checkDb() {
            if (prop.isVirtual()) {
                if (has("db") || prop.db().isPresent()) {
                    fail("db", path + ".db should not exist.");
                }
            } else if (prop.db().isEmpty()) {
                fail("db", path + ".db must be a function that returns a drizzle column specification.");
            }
        }

        /** Beyond ving: the db function must call a known helper, within that helper's length limit. */
        private void checkDbHelper() {
            if (prop.isVirtual() || prop.db().isEmpty()) {
                return;
            }
            Optional<String> helper = prop.dbHelper();
            if (helper.isEmpty()) {
                fail("db", path + ".db must be a function that returns a drizzle column specification.");
                return;
            }
            if (!COLUMN_HELPERS.contains(helper.get())) {
                fail("db", path + ".db calls " + helper.get() + ", which is not a ving column helper (one of "
                        + String.join(", ", COLUMN_HELPERS) + ").");
                return;
            }
            // A string prop without a length is reported once, by checkLength (ving's own length rule).
            HelperLimit limit = HELPER_LIMITS.get(helper.get());
            if (limit != null && prop.length() != null && prop.length() > limit.maxLength()) {
                fail("length", path + ": " + prop.name() + ", " + limit.fieldDescription()
                        + ", cannot have a length greater than " + limit.maxLength() + ".");
            }
        }

        /** Editable values need a zod rule, unless their type or a generated default makes one pointless. */
        private void checkZod() {
            boolean exemptByType = isOneOf(PropType.VIRTUAL, PropType.ID, PropType.DATE, PropType.ENUM,
                    PropType.BOOLEAN);
            boolean ineditable = prop.edit() != null && prop.edit().isEmpty() && has("edit");
            boolean generated = prop.defaultValue() != null && prop.defaultValue().isFunction();
            if (!(exemptByType || ineditable || generated) && prop.zod().isEmpty()) {
                fail("zod", path + ".zod must be a function that returns a zod validation function.");
            }
        }

        /** view and edit name roles: public, owner, or one of the User schema's RoleOptions. */
        private void checkRoles(String attribute, List<String> roles) {
            if (!isArray(attribute, roles)) {
                fail(attribute, path + "." + attribute + " must be an array.");
                return;
            }
            for (Object role : roles) {
                if (!isKnownRole(role)) {
                    fail(attribute, path + "." + attribute + " role " + role + " is unknown.");
                }
            }
        }

        // ---- relation ----

        private void checkRelation() {
            Optional<Relation> relation = prop.relation();
            if (!isOneOf(PropType.ID, PropType.VIRTUAL)) {
                if (has("relation") || relation.isPresent()) {
                    fail("relation", path + ".relation should not exist.");
                }
                return;
            }
            if (relation.isEmpty()) {
                // optional on ids, required on virtual props
                if (prop.isVirtual() || has("relation")) {
                    fail("relation", path + ".relation must be an object.");
                }
                return;
            }
            checkRelationType(relation.get());
            checkRelationKind(relation.get());
            checkRelationName(relation.get());
            checkSkipOwnerCheck(relation.get());
            checkAcceptedFileExtensions(relation.get());
        }

        private void checkRelationType(Relation relation) {
            if (relation.type() == null) {
                fail("relation", path + ".relation.type must be a string.");
            } else if (!RELATION_TYPES.contains(relation.type())) {
                fail("relation", path + ".relation.type must either child or parent.");
            } else if (relation.isParent() && !prop.is(PropType.ID)) {
                fail("relation", path + ".type must be id when " + path + ".relation.type is parent.");
            } else if (relation.isChild() && !prop.isVirtual()) {
                fail("relation", path + ".type must be virtual when " + path + ".relation.type is child.");
            }
        }

        /** The kind must exist; a child relation is the far side of a prop of the same name on that kind. */
        private void checkRelationKind(Relation relation) {
            if (relation.kind() == null) {
                fail("relation", path + ".relation.kind must be a string.");
                return;
            }
            Schema other = schemasByKind.get(relation.kind());
            if (other == null) {
                fail("relation", path + ".relation.kind refers to a schema that doesn't exist.");
            } else if (relation.isChild() && !names(other).contains(prop.name())) {
                fail("relation", path + " refers to " + relation.kind() + ".props." + prop.name()
                        + " which does not exist.");
            }
        }

        /** The relation's name becomes a record method, so it must not clash with a prop. */
        private void checkRelationName(Relation relation) {
            if (relation.name() == null) {
                fail("relation", path + ".relation.name must be a string.");
            } else if (!LOWER_CASE_START.matcher(relation.name()).find()) {
                fail("relation", path + ".relation.name must start with a lower case letter.");
            } else if (names(schema).contains(relation.name())) {
                fail("relation", path + ".relation.name collides with a prop named " + relation.name() + ".");
            }
        }

        private void checkSkipOwnerCheck(Relation relation) {
            Map<String, Object> extra = relation.extra() == null ? Map.of() : relation.extra();
            if (!relation.isParent()) {
                if (extra.containsKey("skipOwnerCheck")) {
                    fail("relation", path + ".relation.skipOwnerCheck should not exist.");
                }
            } else if (extra.containsKey("skipOwnerCheck") && !(extra.get("skipOwnerCheck") instanceof Boolean)) {
                fail("relation", path + ".relation.skipOwnerCheck must be a boolean.");
            }
        }

        /** Only a parent relation to S3File may limit the file's extensions, to those S3File knows. */
        private void checkAcceptedFileExtensions(Relation relation) {
            List<String> extensions = relation.acceptedFileExtensions();
            if (!"S3File".equals(relation.kind()) || !relation.isParent()) {
                if (extensions != null) {
                    fail("relation", path + ".relation.acceptedFileExtensions should not exist.");
                }
                return;
            }
            if (extra(prop).containsKey("acceptedFileExtensions")) {
                fail("acceptedFileExtensions", path
                        + ".acceptedFileExtensions should be in the relation object, not the prop object.");
                return;
            }
            if (extensions == null) {
                return;
            }
            if (extensions.isEmpty()) {
                fail("relation", path + ".relation.acceptedFileExtensions must have at least 1 file extension.");
                return;
            }
            if (!schemasByKind.containsKey("S3File")) {
                return; // already reported: the relation's kind does not exist
            }
            for (Object extension : extensions) {
                if (!s3FileExtensions.contains(extension)) {
                    fail("relation", path + ".relation.acceptedFileExtensions value " + extension
                            + " is not an extension listed in the S3File extensionMap.");
                }
            }
        }

        // ---- attributes of particular types ----

        private void checkOptions() {
            Map<String, Object> extra = extra(prop);
            if (!isOneOf(PropType.STRING, PropType.INT)) {
                if (extra.containsKey("options")) {
                    fail("options", path + ".options should not exist.");
                }
            } else if (extra.containsKey("options") && !(extra.get("options") instanceof String)) {
                fail("options", path + ".options must be a string.");
            }
        }

        private void checkEnums() {
            List<Object> enums = prop.enums();
            if (!isOneOf(PropType.ENUM, PropType.BOOLEAN)) {
                if (written("enums", enums)) {
                    fail("enums", path + ".enums should not exist.");
                }
                return;
            }
            if (!isArray("enums", enums)) {
                fail("enums", path + ".enums must be an array.");
            } else if (enums.isEmpty()) {
                fail("enums", path + ".enums must have at least one option.");
            } else if (prop.is(PropType.BOOLEAN) && !allInstances(enums, Boolean.class)) {
                fail("enums", path + ".enums values must be boolean.");
            } else if (prop.is(PropType.ENUM) && !allInstances(enums, String.class)) {
                fail("enums", path + ".enums values must be strings.");
            } else if (prop.is(PropType.ENUM) && enums.stream().map(String.class::cast)
                    .anyMatch(value -> value.indexOf('\\') >= 0 || value.indexOf('\0') >= 0)) {
                // in quotes the two depend on sql_mode; a hex member would not, but MySQL takes its bytes in the
                // column's character set, which the schema does not set
                fail("enums", path + ".enums values must not contain a backslash or a NUL character: an ENUM column "
                        + "cannot declare them so that every sql_mode and character set reads them alike.");
            } else if (prop.is(PropType.ENUM) && literalDefault() instanceof String value && !enums.contains(value)) {
                // beyond ving: MySQL refuses the column (Invalid default value) when --up creates it
                fail("default", path + ".default '" + value + "' is not one of its enums, so MySQL would refuse the column.");
            }
        }

        /** The prop's default when it is a literal, else null. */
        private Object literalDefault() {
            return prop.defaultValue() instanceof PropDefault.Literal literal ? literal.value() : null;
        }

        private void checkEnumLabels() {
            List<String> labels = prop.enumLabels();
            if (!isOneOf(PropType.ENUM, PropType.BOOLEAN)) {
                if (written("enumLabels", labels)) {
                    fail("enumLabels", path + ".enumLabels should not exist.");
                }
                return;
            }
            if (!isArray("enumLabels", labels)) {
                fail("enumLabels", path + ".enumLabels must be an array.");
            } else if (isArray("enums", prop.enums()) && prop.enums().size() != labels.size()) {
                fail("enumLabels", path + ".enumLabels must have the same number of options as enums.");
            } else if (!allInstances(labels, String.class)) {
                fail("enumLabels", path + ".enumLabels values must be strings.");
            }
        }

        /** Every string prop needs a length (the column helpers size their column by it); no other prop has one. */
        private void checkLength() {
            if (!prop.is(PropType.STRING)) {
                if (has("length") || prop.length() != null) {
                    fail("length", path + ".length should not exist.");
                }
            } else if (prop.length() == null) {
                fail("length", path + ".length must be a number.");
            } else if (prop.length() < 1) {
                fail("length", path + ".length must be greater than 0.");
            } else if (literalDefault() instanceof String value && isVarchar()
                    && value.codePointCount(0, value.length()) > prop.length()) {
                // beyond ving: MySQL refuses a default longer than its varchar column (Invalid default value)
                fail("default", path + ".default is " + value.codePointCount(0, value.length()) + " characters long;"
                        + " its column, varchar(" + prop.length() + "), holds at most " + prop.length() + ".");
            }
        }

        /** Whether the prop's column is a varchar, whose length counts the characters a value may have. */
        private boolean isVarchar() {
            return prop.dbHelper().filter(helper -> helper.equals("dbVarChar") || helper.equals("dbString")).isPresent();
        }

        private void checkUnique() {
            if (!prop.is(PropType.STRING)) {
                if (has("unique") || prop.unique() != null) {
                    fail("unique", path + ".unique should not exist.");
                }
            } else if (has("unique") && prop.unique() == null) {
                fail("unique", path + ".unique must be a boolean.");
            }
        }

        /** Qualifiers scope a unique prop by other props of the same schema. */
        private void checkUniqueQualifiers() {
            List<String> qualifiers = prop.uniqueQualifiers();
            if (!written("uniqueQualifiers", qualifiers)) {
                return;
            }
            if (!prop.isUnique()) {
                fail("uniqueQualifiers", path + ".uniqueQualifiers should not exist.");
                return;
            }
            if (qualifiers == null) {
                fail("uniqueQualifiers", path + ".uniqueQualifiers must be an array.");
                return;
            }
            if (qualifiers.isEmpty()) {
                fail("uniqueQualifiers", path + ".uniqueQualifiers must have at least one member.");
                return;
            }
            for (Object qualifier : qualifiers) {
                if (!names(schema).contains(qualifier)) {
                    fail("uniqueQualifiers", path + ".uniqueQualifiers value " + qualifier
                            + " does not match another prop name.");
                } else if (Objects.equals(qualifier, prop.name())) {
                    fail("uniqueQualifiers", path + ".uniqueQualifiers value " + qualifier + " references its own prop.");
                }
            }
        }

        /** A flag only means something on some types; its boolean value is the reader's concern. */
        private void checkFlagPlacement(String flag, PropType... types) {
            if (!isOneOf(types) && hasFlag(flag)) {
                fail(flag, path + "." + flag + " should not exist.");
            }
        }

        /** quarkus-ving's {@code index: true}: a plain index on a prop's column. */
        private void checkIndex() {
            if (!hasFlag("index")) {
                return;
            }
            if (prop.isVirtual()) {
                fail("index", path + ".index should not exist.");
            } else if (prop.isUnique()) {
                fail("index", path + ".index should not exist: a unique prop is indexed by its unique key.");
            }
        }

        /**
         * Beyond ving: the names the prop's unique key, index and foreign key get ({@link KeyNames}) must be names
         * MySQL takes. {@code <prop>Index} is five characters longer than its prop; the derived {@code _uq} and
         * {@code _fk} names are cut to at most 60, and checked all the same.
         */
        private void checkKeyNames() {
            if (prop.isVirtual() || prop.name() == null) {
                return;
            }
            if (prop.isUnique()) {
                checkKeyName("unique", TableMapper.uniqueKey(prop).name(), "an index name");
            } else if (hasFlag("index")) {
                checkKeyName("index", KeyNames.uniqueIndex(prop.name()), "an index name");
            }
            prop.relation()
                    .filter(relation -> relation.hasForeignKey() && relation.name() != null && schema.tableName() != null)
                    .ifPresent(relation -> checkKeyName("relation",
                            KeyNames.foreignKey(schema.tableName(), relation.name()), "a foreign key name"));
        }

        private void checkKeyName(String attribute, String keyName, String what) {
            TableLimits.nameProblem(keyName, what).ifPresent(problem -> fail(attribute,
                    path + "." + attribute + " makes " + what + ", " + keyName + ", that " + problem + "."));
        }

        /** Filtering by an id only makes sense for a parent's id. */
        private void checkFilterQualifier() {
            String flag = "filterQualifier";
            if (!isOneOf(PropType.ENUM, PropType.STRING, PropType.INT, PropType.BOOLEAN, PropType.ID)) {
                if (hasFlag(flag)) {
                    fail(flag, path + ".filterQualifier should not exist.");
                }
            } else if (hasFlag(flag) && prop.is(PropType.ID)
                    && prop.relation().map(relation -> !relation.isParent()).orElse(false)) {
                fail(flag, path + ".filterQualifier can only exist on type id if the relation.type is parent.");
            }
        }

        // ---- helpers ----

        private boolean isOneOf(PropType... types) {
            return prop.propType().map(type -> Arrays.asList(types).contains(type)).orElse(false);
        }

        /** Whether the attribute was written in the file. */
        private boolean has(String attribute) {
            return prop.present() != null && prop.present(attribute);
        }

        private boolean hasFlag(String flag) {
            return has(flag) || (prop.flags() != null && prop.flags().containsKey(flag));
        }

        /** Whether a list attribute was written: present in the file, or holding values. */
        private boolean written(String attribute, Collection<?> value) {
            return has(attribute) || (value != null && !value.isEmpty());
        }

        /** Whether a list attribute is what JavaScript would call an array: written, and not null. */
        private boolean isArray(String attribute, Collection<?> value) {
            return value != null && written(attribute, value);
        }

        private void fail(String attribute, String message) {
            report(schema, propPosition(prop, attribute), INVALID_ATTRIBUTE, message);
        }
    }

    // ---- shared helpers ----

    private void report(Schema schema, String attribute, String message) {
        report(schema, schemaPosition(schema, attribute), INVALID_ATTRIBUTE, message);
    }

    private void report(Schema schema, SourcePosition position, int code, String message) {
        problems.add(new SchemaException(schema.file(), position, code, message));
    }

    /** view and edit may name public, owner and the RoleOptions. */
    private boolean isKnownRole(Object role) {
        return role != null && (SPECIAL_ROLES.contains(role) || roleOptions.contains(role));
    }

    private static SourcePosition schemaPosition(Schema schema, String attribute) {
        return schema.positions() == null ? null : schema.positionOf(attribute);
    }

    private static SourcePosition propPosition(Prop prop, String attribute) {
        return prop.positions() == null ? null : prop.positionOf(attribute);
    }

    /** The schema's props by name, indexed on first use. */
    private PropNames names(Schema schema) {
        return propNames.computeIfAbsent(schema, PropNames::new);
    }

    private static Map<String, Object> extra(Prop prop) {
        return prop.extra() == null ? Map.of() : prop.extra();
    }

    /** Loops over plain Objects, since a reader's unchecked list may hold other values than its type says. */
    private static boolean allInstances(Collection<?> values, Class<?> type) {
        for (Object value : values) {
            if (!type.isInstance(value)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Path file) {
        return file == null ? "(unknown file)" : file.toString();
    }

    /** The User schema's {@code RoleOptions} export: the roles view, edit and owner may name. */
    private static Set<String> roleOptions(Schema user) {
        Object roles = user == null || user.exports() == null ? null : user.exports().get("RoleOptions");
        Set<String> names = new LinkedHashSet<>();
        if (roles instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
        }
        return names;
    }

    /** The keys of the S3File schema's {@code extensionMap} export: the extensions a file may have. */
    private static Set<String> extensionMapKeys(Schema s3File) {
        Object map = s3File == null || s3File.exports() == null ? null : s3File.exports().get("extensionMap");
        Set<String> extensions = new LinkedHashSet<>();
        if (map instanceof Map<?, ?> entries) {
            entries.keySet().forEach(key -> extensions.add(String.valueOf(key)));
        }
        return extensions;
    }
}
