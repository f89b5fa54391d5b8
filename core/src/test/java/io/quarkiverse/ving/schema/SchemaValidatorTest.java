package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.SourcePosition;

/**
 * Each test breaks one rule in an otherwise valid set of ving's own kinds (User, APIKey, S3File, CronJob) and checks
 * the exact problems reported, in ving's words and order.
 */
class SchemaValidatorTest {

    // ---- the valid reference set ----

    @Test
    void validSetHasNoProblems() {
        assertEquals(List.of(), SchemaValidator.validate(build(validSet())));
        assertDoesNotThrow(() -> SchemaValidator.validateOrThrow(build(validSet())));
    }

    @Test
    void widgetIsValid() {
        assertEquals(List.of(), SchemaValidator.validate(build(withExtra(widget()))));
    }

    // ---- kind ----

    @Test
    void missingKindIsReportedAlone() {
        List<SchemaException> problems = validate(withExtra(widget().with("kind", null).with("tableName", "Widget")));
        assertEquals(1, problems.size());
        assertEquals("Schema does not have kind.", problems.get(0).problem());
        assertEquals(441, problems.get(0).code());
    }

    @Test
    void kindMustBePascalCase() {
        assertProblems(validate(withExtra(widget().with("kind", "widget"))),
                "Schema widget kind is not Pascal case.");
    }

    @Test
    void kindMustBeUnique() {
        SchemaSpec second = widget().with("kind", "CronJob").with("tableName", "crons")
                .with("file", Path.of("other/CronJob.mjs"));
        assertProblems(validate(withExtra(second)),
                "Schema kind CronJob is defined twice: CronJob.mjs and " + Path.of("other/CronJob.mjs") + ".");
    }

    // ---- tableName ----

    @Test
    void tableNameMustBeLowerCase() {
        assertProblems(validate(withExtra(widget().with("tableName", "Widgets"))),
                "Schema Widget tableName is not lower case.");
        assertProblems(validate(withExtra(widget().with("tableName", null))),
                "Schema Widget tableName is not lower case.");
    }

    @Test
    void tableNameMustEndWithAnS() {
        assertProblems(validate(withExtra(widget().with("tableName", "widget"))),
                "Schema Widget tableName does not end with an s.");
    }

    @Test
    void tableNameMustNotBeAMySqlKeyword() {
        for (String keyword : List.of("status", "tables", "keys", "values", "nulls")) {
            assertProblems(validate(withExtra(widget().with("tableName", keyword))),
                    "Schema Widget tableName matches a MySQL reserved word.");
        }
    }

    @Test
    void tableNameMustBeUnique() {
        assertProblems(validate(withExtra(widget().with("tableName", "cronjobs"))),
                "Schema Widget tableName cronjobs is defined twice: CronJob.mjs and Widget.mjs.");
    }

    // ---- owner ----

    @Test
    void ownerMustBeAList() {
        assertProblems(validate(withExtra(widget().with("owner", null))), "Schema Widget owner is not an array.");
    }

    @Test
    void ownerWithDollarMustStartWithIt() {
        assertProblems(validate(withExtra(widget().with("owner", List.of("a$id")))),
                "Schema Widget owner a$id is malformed.");
    }

    @Test
    void ownerPropMustExist() {
        assertProblems(validate(withExtra(widget().with("owner", List.of("$nope")))),
                "Schema Widget owner $nope is not in the props.");
    }

    @Test
    void ownerPropMustReferenceAUser() {
        assertProblems(validate(withExtra(widget().with("owner", List.of("$createdAt", "$id")))),
                "Schema Widget owner $createdAt must reference a User.",
                "Schema Widget owner $id must reference a User.");
    }

    @Test
    void ownerWithCaretMustStartWithIt() {
        assertProblems(validate(withExtra(widget().with("owner", List.of("a^b")))),
                "Schema Widget owner a^b is malformed.");
    }

    @Test
    void ownerRelationMustExist() {
        assertProblems(validate(withExtra(widget().with("owner", List.of("^nope")))),
                "Schema Widget owner ^nope is not in the props.");
    }

    @Test
    void ownerRelationMustBeAParent() {
        assertProblems(validate(changing("User", user -> user.with("owner", List.of("$id", "^apikeys")))),
                "Schema User owner ^apikeys must reference a prop that has a relation type of 'parent'.");
        assertProblems(validate(changing("APIKey", key -> key.with("owner", List.of("^user")))));
    }

    @Test
    void ownerMustBeAKnownRole() {
        assertProblems(validate(withExtra(widget().with("owner", List.of("admin", "wizard", "public")))),
                "Schema Widget owner wizard doesn't match any known roles.",
                "Schema Widget owner public doesn't match any known roles.");
    }

    @Test
    void withoutRoleOptionsOnlyPublicAndOwnerAreKnown() {
        SchemaSpec lonely = widget().changeProp("id", id -> id.with("view", List.of("public", "owner", "admin")));
        assertProblems(validate(List.of(lonely)),
                "Schema Widget owner admin doesn't match any known roles.",
                "Widget.props.id.view role admin is unknown.");
    }

    // ---- props ----

    @Test
    void propsMustBeAList() {
        assertProblems(validate(withExtra(widget().with("props", null))), "Schema Widget props is not an array.");
    }

    @Test
    void propNamesMustBeUnique() {
        assertProblems(validate(changing("CronJob", cron -> cron.addProp(string("schedule", 60)))),
                "CronJob.props.schedule is defined twice.");
    }

    @Test
    void virtualPropsMayShareANameButNotARelationName() {
        assertProblems(validate(changing("User", user -> user.addProp(child("userId", "apikeys", "APIKey")))),
                "User.props.userId{apikeys} is defined twice.");
    }

    // ---- type ----

    @Test
    void typeMustBeKnown() {
        assertProblems(validate(changingProp("CronJob", "params", p -> p.with("type", "text"))),
                "CronJob.props.params.type is invalid: text");
    }

    @Test
    void virtualPropsNeedAChildRelation() {
        assertProblems(validate(changingProp("User", "userId{apikeys}",
                p -> p.with("relation", new Relation("parent", "apikeys", "APIKey", null, Map.of())))),
                "User.props.userId{apikeys}.relation.type must be child when User.props.userId{apikeys}.type is virtual.",
                "User.props.userId{apikeys}.type must be id when User.props.userId{apikeys}.relation.type is parent.");
    }

    // ---- name ----

    @Test
    void nameMustStartWithALetter() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("name", "1schedule"))),
                "CronJob.props.1schedule.name must start with a letter.");
    }

    @Test
    void nameMustBePlain() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("name", "sched-ule"))),
                "CronJob.props.sched-ule.name cannot contain any funky characters.");
    }

    // ---- required ----

    @Test
    void requiredMustBeABoolean() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("required", null))),
                "CronJob.props.schedule.required must be a boolean.");
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("required"))),
                "CronJob.props.schedule.required must be a boolean.");
    }

    // ---- default ----

    @Test
    void stringJsonAndEnumDefaultsMustBeStringsOrFunctions() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("default"))),
                "CronJob.props.schedule.default must be a string or a function.");
        assertProblems(validate(changingProp("CronJob", "params", p -> p.with("default", literal(null)))),
                "CronJob.props.params.default must be a string or a function.");
        assertProblems(validate(changingProp("User", "useAsDisplayName", p -> p.with("default", literal(2L)))),
                "User.props.useAsDisplayName.default must be a string or a function.");
    }

    @Test
    void idAndVirtualDefaultsMustBeNumbersFunctionsOrUndefined() {
        assertProblems(validate(changingProp("APIKey", "userId", p -> p.with("default", literal("x")))),
                "APIKey.props.userId.default must be a number or a function or explicitly undefined.");
        assertProblems(validate(changingProp("User", "userId{s3files}", p -> p.without("default"))),
                "User.props.userId{s3files}.default must be a number or a function or explicitly undefined.");
        assertProblems(validate(changingProp("APIKey", "userId", p -> p.with("default", literal(0L)))));
    }

    @Test
    void intDefaultsMustBeNumbersOrFunctions() {
        assertProblems(validate(changingProp("S3File", "sizeInBytes", p -> p.with("default", literal("0")))),
                "S3File.props.sizeInBytes.default must be a number or a function.");
    }

    @Test
    void dateDefaultsMustBeFunctions() {
        assertProblems(validate(changingProp("CronJob", "createdAt", p -> p.with("default", literal("now")))),
                "CronJob.props.createdAt.default must be a function.");
    }

    @Test
    void booleanDefaultsMustBeBooleansOrFunctions() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.with("default", literal("yes")))),
                "CronJob.props.enabled.default must be a function or a boolean.");
    }

    // ---- db ----

    @Test
    void virtualPropsHaveNoDb() {
        assertProblems(validate(changingProp("User", "userId{s3files}", p -> p.with("db", call("dbRelation")))),
                "User.props.userId{s3files}.db should not exist.");
    }

    @Test
    void columnPropsNeedADbFunction() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("db"))),
                "CronJob.props.schedule.db must be a function that returns a drizzle column specification.");
    }

    @Test
    void dbFunctionMustCallAHelper() {
        FunctionSource callsNothing = new FunctionSource("(prop) => 'varchar(60)'", Optional.empty());
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("db", callsNothing))),
                "CronJob.props.schedule.db must be a function that returns a drizzle column specification.");
    }

    @Test
    void dbHelperMustBeKnown() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("db", call("dbFloat")))),
                "CronJob.props.schedule.db calls dbFloat, which is not a ving column helper (one of dbPk, dbTimestamp, "
                        + "dbDateTime, dbVarChar, dbString, dbText, dbMediumText, dbEnum, dbBoolean, dbInt, dbBigInt, "
                        + "dbJson, dbUuid, dbRelation).");
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("db", call("helpers.dbString")))));
    }

    @Test
    void varcharHelpersLimitLengthTo256() {
        assertProblems(validate(changingProp("User", "email", p -> p.with("length", 300))),
                "User.props.email: email, a varchar field, cannot have a length greater than 256.");
        assertProblems(validate(changingProp("User", "email", p -> p.with("length", 300).with("db", call("dbString")))),
                "User.props.email: email, a varchar field, cannot have a length greater than 256.");
    }

    @Test
    void textHelperLimitsLengthTo65535() {
        assertProblems(validate(changingProp("User", "bio", p -> p.with("db", call("dbText")).with("length", 70_000))),
                "User.props.bio: bio, a text field, cannot have a length greater than 65535.");
    }

    @Test
    void mediumTextHelperLimitsLengthTo16777215() {
        assertProblems(validate(changingProp("User", "bio", p -> p.with("length", 16_777_216))),
                "User.props.bio: bio, a medium text field, cannot have a length greater than 16777215.");
    }

    @Test
    void stringPropWithAStringHelperNeedsALengthReportedOnce() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("length"))),
                "CronJob.props.schedule.length must be a number.");
    }

    // ---- zod ----

    @Test
    void editableValuesNeedAZodRule() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("zod"))),
                "CronJob.props.schedule.zod must be a function that returns a zod validation function.");
    }

    @Test
    void zodIsNotNeededWhenIneditableGeneratedOrExemptByType() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("zod").with("edit", List.of()))));
        assertProblems(validate(changingProp("CronJob", "schedule",
                p -> p.without("zod").with("default", new PropDefault.Computed("() => '* * * * *'")))));
        assertProblems(validate(changingProp("User", "useAsDisplayName", p -> p.without("zod"))));
    }

    // ---- view and edit ----

    @Test
    void viewMustBeAList() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("view"))),
                "CronJob.props.schedule.view must be an array.");
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("view", null))),
                "CronJob.props.schedule.view must be an array.");
    }

    @Test
    void viewRolesMustBeKnown() {
        assertProblems(validate(changingProp("CronJob", "schedule",
                p -> p.with("view", List.of("public", "developer", "wizard")))),
                "CronJob.props.schedule.view role wizard is unknown.");
    }

    @Test
    void editMustBeAList() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.without("edit"))),
                "CronJob.props.schedule.edit must be an array.");
    }

    @Test
    void editRolesMustBeKnown() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("edit", List.of("wizard", "admin")))),
                "CronJob.props.schedule.edit role wizard is unknown.");
    }

    // ---- relation ----

    @Test
    void onlyIdAndVirtualPropsHaveRelations() {
        assertProblems(validate(changingProp("CronJob", "schedule",
                p -> p.with("relation", new Relation("parent", "user", "User", null, Map.of())))),
                "CronJob.props.schedule.relation should not exist.");
    }

    @Test
    void relationTypeMustBeAString() {
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation(null, "user", "User", null, Map.of())))),
                "APIKey.props.userId.relation.type must be a string.");
    }

    @Test
    void relationTypeMustBeChildParentOrSibling() {
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation("cousin", "user", "User", null, Map.of())))),
                "APIKey.props.userId.relation.type must either child or parent.");
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation("sibling", "user", "User", null, Map.of())))));
    }

    @Test
    void childRelationsBelongOnVirtualProps() {
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation("child", "user", "User", null, Map.of())))),
                "APIKey.props.userId.type must be virtual when APIKey.props.userId.relation.type is child.");
    }

    @Test
    void relationKindMustBeAString() {
        assertProblems(validate(changing("CronJob", cron -> cron.addProp(parent("creatorId", "creator", null)))),
                "CronJob.props.creatorId.relation.kind must be a string.");
    }

    @Test
    void relationKindMustExist() {
        assertProblems(validate(changing("CronJob", cron -> cron.addProp(parent("creatorId", "creator", "Person")))),
                "CronJob.props.creatorId.relation.kind refers to a schema that doesn't exist.");
    }

    @Test
    void childRelationNeedsTheSamePropOnTheChildKind() {
        assertProblems(validate(changing("User", user -> user.addProp(child("userId", "cronjobs", "CronJob")))),
                "User.props.userId{cronjobs} refers to CronJob.props.userId which does not exist.");
    }

    @Test
    void relationNameMustBeAString() {
        assertProblems(validate(changing("CronJob", cron -> cron.addProp(parent("creatorId", null, "User")))),
                "CronJob.props.creatorId.relation.name must be a string.");
    }

    @Test
    void relationNameMustStartLowerCase() {
        assertProblems(validate(changing("CronJob", cron -> cron.addProp(parent("creatorId", "Creator", "User")))),
                "CronJob.props.creatorId.relation.name must start with a lower case letter.");
    }

    @Test
    void relationNameMustNotCollideWithAProp() {
        assertProblems(validate(changing("CronJob", cron -> cron.addProp(parent("creatorId", "schedule", "User")))),
                "CronJob.props.creatorId.relation.name collides with a prop named schedule.");
    }

    @Test
    void skipOwnerCheckOnlyOnParents() {
        assertProblems(validate(changingProp("User", "userId{apikeys}",
                p -> p.with("relation", new Relation("child", "apikeys", "APIKey", null, Map.of("skipOwnerCheck", true))))),
                "User.props.userId{apikeys}.relation.skipOwnerCheck should not exist.");
    }

    @Test
    void skipOwnerCheckMustBeABoolean() {
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation("parent", "user", "User", null, Map.of("skipOwnerCheck", "yes"))))),
                "APIKey.props.userId.relation.skipOwnerCheck must be a boolean.");
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation("parent", "user", "User", null, Map.of("skipOwnerCheck", true))))));
    }

    @Test
    void acceptedFileExtensionsOnlyOnS3FileParents() {
        assertProblems(validate(changingProp("APIKey", "userId",
                p -> p.with("relation", new Relation("parent", "user", "User", List.of("png"), Map.of())))),
                "APIKey.props.userId.relation.acceptedFileExtensions should not exist.");
    }

    @Test
    void acceptedFileExtensionsBelongInTheRelation() {
        assertProblems(validate(changingProp("User", "avatarId", p -> p.with("acceptedFileExtensions", List.of("png")))),
                "User.props.avatarId.acceptedFileExtensions should be in the relation object, not the prop object.");
    }

    @Test
    void acceptedFileExtensionsMustNotBeEmpty() {
        assertProblems(validate(changingProp("User", "avatarId",
                p -> p.with("relation", new Relation("parent", "avatar", "S3File", List.of(), Map.of())))),
                "User.props.avatarId.relation.acceptedFileExtensions must have at least 1 file extension.");
    }

    @Test
    void acceptedFileExtensionsMustBeInTheExtensionMap() {
        assertProblems(validate(changingProp("User", "avatarId",
                p -> p.with("relation", new Relation("parent", "avatar", "S3File", List.of("png", "gif", "exe"), Map.of())))),
                "User.props.avatarId.relation.acceptedFileExtensions value gif"
                        + " is not an extension listed in the S3File extensionMap.",
                "User.props.avatarId.relation.acceptedFileExtensions value exe"
                        + " is not an extension listed in the S3File extensionMap.");
    }

    // ---- options ----

    @Test
    void optionsOnlyOnStringsAndInts() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.with("options", "handlerOptions"))),
                "CronJob.props.enabled.options should not exist.");
    }

    @Test
    void optionsMustBeAString() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("options", 5L))),
                "CronJob.props.schedule.options must be a string.");
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("options", "handlerOptions"))));
    }

    // ---- enums ----

    @Test
    void enumsOnlyOnEnumsAndBooleans() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("enums", List.of("daily")))),
                "CronJob.props.schedule.enums should not exist.");
    }

    @Test
    void enumsMustBeAList() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.without("enums"))),
                "CronJob.props.enabled.enums must be an array.");
    }

    @Test
    void enumsMustNotBeEmpty() {
        assertProblems(validate(changingProp("CronJob", "enabled",
                p -> p.with("enums", List.of()).with("enumLabels", List.of()))),
                "CronJob.props.enabled.enums must have at least one option.");
    }

    @Test
    void booleanEnumsMustBeBooleans() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.with("enums", List.of("false", "true")))),
                "CronJob.props.enabled.enums values must be boolean.");
    }

    @Test
    void enumEnumsMustBeStrings() {
        assertProblems(validate(changingProp("User", "useAsDisplayName",
                p -> p.with("enums", List.of("username", 2L, "realName")))),
                "User.props.useAsDisplayName.enums values must be strings.");
    }

    @Test
    void enumEnumsMustNotHoldABackslashOrNul() {
        String problem = "User.props.useAsDisplayName.enums values must not contain a backslash or a NUL character: an ENUM "
                + "column cannot declare them so that every sql_mode and character set reads them alike.";
        assertProblems(validate(changingProp("User", "useAsDisplayName",
                p -> p.with("enums", List.of("username", "C:\\temp", "realName")))), problem);
        assertProblems(validate(changingProp("User", "useAsDisplayName",
                p -> p.with("enums", List.of("username", "a\0b", "realName")))), problem);
        // quotes, tabs, newlines, % and _ and any other character are fine
        assertProblems(validate(changingProp("User", "useAsDisplayName",
                p -> p.with("enums", List.of("username", "it's \"q\"\t\n50%_😀", "realName")))));
    }

    @Test
    void anEnumDefaultMustBeOneOfItsEnums() {
        assertProblems(validate(changingProp("User", "useAsDisplayName", p -> p.with("default", literal("nickname")))),
                "User.props.useAsDisplayName.default 'nickname' is not one of its enums, so MySQL would refuse the column.");
        assertProblems(validate(changingProp("User", "useAsDisplayName", p -> p.with("default", literal("realName")))));
    }

    @Test
    void aVarcharDefaultMustFitItsColumn() {
        // username is varchar(60); characters count, not bytes: 60 emoji fit
        assertProblems(validate(changingProp("User", "username", p -> p.with("default", literal("x".repeat(61))))),
                "User.props.username.default is 61 characters long; its column, varchar(60), holds at most 60.");
        assertProblems(validate(changingProp("User", "username", p -> p.with("default", literal("😀".repeat(60))))));
    }

    // ---- enumLabels ----

    @Test
    void enumLabelsOnlyOnEnumsAndBooleans() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("enumLabels", List.of("Daily")))),
                "CronJob.props.schedule.enumLabels should not exist.");
    }

    @Test
    void enumLabelsMustBeAList() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.without("enumLabels"))),
                "CronJob.props.enabled.enumLabels must be an array.");
    }

    @Test
    void enumLabelsMustMatchEnums() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.with("enumLabels", List.of("Off")))),
                "CronJob.props.enabled.enumLabels must have the same number of options as enums.");
    }

    @Test
    void enumLabelsMustBeStrings() {
        assertProblems(validate(changingProp("CronJob", "enabled", p -> p.with("enumLabels", List.of("Off", 1L)))),
                "CronJob.props.enabled.enumLabels values must be strings.");
    }

    // ---- length ----

    @Test
    void lengthOnlyOnStrings() {
        assertProblems(validate(changingProp("CronJob", "params", p -> p.with("length", 10))),
                "CronJob.props.params.length should not exist.");
    }

    @Test
    void lengthMustBePositive() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("length", 0))),
                "CronJob.props.schedule.length must be greater than 0.");
    }

    // ---- unique and uniqueQualifiers ----

    @Test
    void uniqueOnlyOnStrings() {
        assertProblems(validate(changingProp("CronJob", "params", p -> p.with("unique", true))),
                "CronJob.props.params.unique should not exist.");
    }

    @Test
    void uniqueMustBeABoolean() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("unique", null))),
                "CronJob.props.schedule.unique must be a boolean.");
    }

    @Test
    void uniqueQualifiersOnlyOnUniqueProps() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("uniqueQualifiers", List.of("params")))),
                "CronJob.props.schedule.uniqueQualifiers should not exist.");
    }

    @Test
    void uniqueQualifiersMustBeAList() {
        assertProblems(validate(changingProp("CronJob", "schedule",
                p -> p.with("unique", true).with("uniqueQualifiers", null))),
                "CronJob.props.schedule.uniqueQualifiers must be an array.");
    }

    @Test
    void uniqueQualifiersMustNotBeEmpty() {
        assertProblems(validate(changingProp("CronJob", "schedule",
                p -> p.with("unique", true).with("uniqueQualifiers", List.of()))),
                "CronJob.props.schedule.uniqueQualifiers must have at least one member.");
    }

    @Test
    void uniqueQualifiersMustNameOtherProps() {
        assertProblems(validate(changingProp("CronJob", "schedule",
                p -> p.with("unique", true).with("uniqueQualifiers", List.of("params", "nope", "schedule")))),
                "CronJob.props.schedule.uniqueQualifiers value nope does not match another prop name.",
                "CronJob.props.schedule.uniqueQualifiers value schedule references its own prop.");
    }

    // ---- flags ----

    @Test
    void filterQueryOnlyOnEnumsAndStrings() {
        assertProblems(validate(changingProp("S3File", "sizeInBytes", p -> p.with("filterQuery", true))),
                "S3File.props.sizeInBytes.filterQuery should not exist.");
    }

    @Test
    void filterQualifierOnlyOnEnumsStringsIntsBooleansAndIds() {
        assertProblems(validate(changingProp("CronJob", "createdAt", p -> p.with("filterQualifier", true))),
                "CronJob.props.createdAt.filterQualifier should not exist.");
        assertProblems(validate(changingProp("APIKey", "userId", p -> p.with("filterQualifier", true))));
    }

    @Test
    void filterQualifierOnIdsOnlyForParents() {
        assertProblems(validate(changingProp("APIKey", "userId", p -> p.with("filterQualifier", true)
                .with("relation", new Relation("sibling", "user", "User", null, Map.of())))),
                "APIKey.props.userId.filterQualifier can only exist on type id if the relation.type is parent.");
    }

    @Test
    void filterRangeOnlyOnIntsAndDates() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("filterRange", true))),
                "CronJob.props.schedule.filterRange should not exist.");
    }

    @Test
    void autoUpdateOnlyOnDates() {
        assertProblems(validate(changingProp("S3File", "sizeInBytes", p -> p.with("autoUpdate", true))),
                "S3File.props.sizeInBytes.autoUpdate should not exist.");
    }

    @Test
    void anIndexIsNeitherOnVirtualNorOnUniqueProps() {
        assertProblems(validate(changingProp("User", "username", p -> p.with("index", true))),
                "User.props.username.index should not exist: a unique prop is indexed by its unique key.");
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("index", true))));
    }

    @Test
    void allowRealPubicIdOnlyOnIds() {
        assertProblems(validate(changingProp("CronJob", "schedule", p -> p.with("allowRealPubicId", true))),
                "CronJob.props.schedule.allowRealPubicId should not exist.");
        assertProblems(validate(changingProp("APIKey", "userId", p -> p.with("allowRealPubicId", true))));
    }

    // ---- MySQL's limits (each boundary as MariaDB 10.11 draws it: one step less is created, this one refused) ----

    @Test
    void tableNamesLongerThan64AreRefused() {
        assertProblems(validate(withExtra(widget().with("tableName", "w".repeat(63) + "s"))));
        assertProblems(validate(withExtra(widget().with("tableName", "w".repeat(64) + "s"))),
                "Schema Widget tableName is 65 characters long; MySQL allows at most 64 in a table name.");
    }

    @Test
    void columnNamesLongerThan64AreRefused() {
        String name = "a".repeat(65);
        assertProblems(validate(withExtra(widget().addProp(string("b".repeat(64), 10)).addProp(string(name, 10)))),
                "Widget.props." + name + ".name is 65 characters long; MySQL allows at most 64 in a column name.");
    }

    @Test
    void indexNamesLongerThan64AreRefused() {
        String name = "a".repeat(60); // a fine column name, whose index would be called aaa…aIndex
        List<SchemaException> problems = validate(withExtra(widget().addProp(string(name, 10).with("unique", true))
                .addProp(string("b".repeat(59), 10).with("index", true)).addProp(string("c".repeat(60), 10).with("index", true))));
        assertProblems(problems, "Widget.props." + name + ".unique makes an index name, " + name
                + "Index, that is 65 characters long; MySQL allows at most 64 in an index name.",
                "Widget.props." + "c".repeat(60) + ".index makes an index name, " + "c".repeat(60)
                        + "Index, that is 65 characters long; MySQL allows at most 64 in an index name.");
        assertEquals(new SourcePosition(20, 9), problems.get(0).position(), "the unique attribute's line");
    }

    @Test
    void moreColumnsThanInnoDbTakesAreRefused() {
        SchemaSpec widest = widget();
        for (int i = 0; i < 1_014; i++) {
            widest = widest.addProp(integer("n" + i));
        }
        assertProblems(validate(withExtra(widest)));
        assertProblems(validate(withExtra(widest.addProp(integer("oneTooMany")))),
                "Schema Widget has 1,018 columns; InnoDB allows at most 1,017 in a table.");
    }

    @Test
    void rowsLongerThanTheServerTakesAreRefused() {
        SchemaSpec longest = widget();
        for (int i = 0; i < 63; i++) {
            longest = longest.addProp(string("s" + i, 256)); // 1,026 bytes each in utf8mb4
        }
        assertProblems(validate(withExtra(longest)));
        List<SchemaException> problems = validate(withExtra(longest.addProp(string("oneTooMany", 256))));
        assertProblems(problems, "Schema Widget rows take up to 65,680 bytes; MySQL allows at most 65,535 (text and "
                + "json columns count 10 to 12 bytes each, strings 4 bytes a character): make some strings shorter or text.");
        assertEquals(new SourcePosition(5, 5), problems.get(0).position(), "the props attribute's line");
    }

    @Test
    void recordsLargerThanAnInnoDbPageTakesAreRefused() {
        SchemaSpec largest = widget();
        for (int i = 0; i < 197; i++) {
            largest = largest.addProp(string("s" + i, 10)); // 41 bytes each, all kept in the page
        }
        assertProblems(validate(withExtra(largest)));
        assertProblems(validate(withExtra(largest.addProp(string("oneTooMany", 10)))),
                "Schema Widget rows keep up to 8,152 bytes in an InnoDB page; InnoDB allows at most 8,125 (16 KB pages): "
                        + "fewer columns, or text columns in place of short strings, would fit.");
    }

    @Test
    void aJsonDefaultThatIsNotJsonIsReportedWithTheRest() {
        assertProblems(validate(changingProp("CronJob", "params", p -> p.with("default", literal("{a:")))),
                "CronJob.props.params.default must be JSON text, such as '{}': Unexpected end of file — expected a value.");
    }

    // ---- reporting ----

    @Test
    void reportsEveryProblemInVingOrder() {
        SchemaSpec broken = widget().with("kind", "widget").with("tableName", "widget").with("owner", List.of("wizard"))
                .changeProp("createdAt", p -> p.with("type", "timestamp").with("length", 5))
                .changeProp("updatedAt", p -> p.with("length", 5));
        assertProblems(validate(withExtra(broken)),
                "Schema widget kind is not Pascal case.",
                "Schema widget tableName does not end with an s.",
                "Schema widget owner wizard doesn't match any known roles.",
                // an unknown type stops that prop's checks: the rules that depend on the type would only add noise
                "widget.props.createdAt.type is invalid: timestamp",
                "widget.props.updatedAt.length should not exist.");
    }

    @Test
    void problemsCarryFileAndPosition() {
        List<Schema> schemas = build(changingProp("User", "email", p -> p.with("length", 300)));
        SchemaException problem = SchemaValidator.validate(schemas).get(0);
        Prop email = schemas.get(0).prop("email").orElseThrow();
        assertEquals(Path.of("User.mjs"), problem.file());
        assertEquals(email.positionOf("length"), problem.position());
        assertEquals(442, problem.code());
        assertEquals("User.mjs:" + email.positionOf("length").line() + ": " + problem.problem(), problem.getMessage());
    }

    @Test
    void validateOrThrowListsEveryProblem() {
        List<Schema> schemas = build(withExtra(widget().with("kind", "widget").with("tableName", "widget")));
        SchemaValidationException thrown = assertThrows(SchemaValidationException.class,
                () -> SchemaValidator.validateOrThrow(schemas));
        List<SchemaException> problems = thrown.problems();
        assertEquals(2, problems.size());
        assertEquals(problems.get(0).getMessage() + "\n" + problems.get(1).getMessage(), thrown.getMessage());
        assertEquals(problems.get(0).file(), thrown.file());
        assertEquals(problems.get(0).position(), thrown.position());
        assertEquals(442, thrown.code());
        assertTrue(thrown.getMessage().startsWith("Widget.mjs:2: Schema widget kind is not Pascal case."));
    }

    // ---- assertions ----

    private static List<SchemaException> validate(List<SchemaSpec> specs) {
        return SchemaValidator.validate(build(specs));
    }

    /** The problems are exactly these messages, in this order, each with code 442. */
    private static void assertProblems(List<SchemaException> problems, String... expected) {
        assertEquals(Arrays.asList(expected), problems.stream().map(SchemaException::problem).toList());
        problems.forEach(problem -> assertEquals(442, problem.code(), problem.problem()));
    }

    // ---- the reference set: ving's own kinds, abbreviated ----

    private static List<SchemaSpec> validSet() {
        SchemaSpec user = schema("User", "users", List.of("$id", "admin"),
                id(), createdAt(), updatedAt(),
                string("username", 60).with("required", true).with("unique", true).with("filterQuery", true),
                string("email", 256).with("required", true).with("unique", true).with("filterQuery", true)
                        .with("view", List.of("owner")),
                string("bio", 16_777_215).with("db", call("dbMediumText")),
                bool("verifiedEmail").with("required", true).with("view", List.of("owner"))
                        .with("edit", List.of("admin")),
                enumeration("useAsDisplayName", "username", "email", "realName").with("required", true),
                parent("avatarId", "avatar", "S3File")
                        .with("relation", new Relation("parent", "avatar", "S3File", List.of("png", "jpg"), Map.of())),
                child("userId", "apikeys", "APIKey"),
                child("userId", "s3files", "S3File"))
                .with("exports", Map.of("RoleOptions", List.of("admin", "developer", "verifiedEmail")));
        SchemaSpec apiKey = schema("APIKey", "apikeys", List.of("$userId", "admin"),
                id(), createdAt(), updatedAt(),
                string("name", 60).with("required", true),
                string("privateKey", 39).without("zod").with("edit", List.of()).with("view", List.of("owner"))
                        .with("default", new PropDefault.Computed("() => 'pk_' + crypto.randomBytes(18).toString('hex')")),
                parent("userId", "user", "User").with("required", true));
        SchemaSpec s3File = schema("S3File", "s3files", List.of("$userId", "admin"),
                id(), createdAt(), updatedAt(),
                string("filename", 256).with("required", true),
                prop("int", "sizeInBytes").with("default", literal(0L)).with("db", call("dbInt"))
                        .with("zod", call("zodNumber")).with("filterRange", true),
                prop("json", "metadata").with("default", literal("{}")).with("db", call("dbJson"))
                        .with("zod", call("zodJsonObject")),
                parent("userId", "user", "User").with("required", true),
                child("avatarId", "avatarUsers", "User"))
                .with("exports", Map.of("extensionMap", Map.of("png", "image", "jpg", "image")));
        SchemaSpec cronJob = schema("CronJob", "cronjobs", List.of("admin"),
                id(), createdAt(), updatedAt(),
                string("schedule", 60).with("required", true).with("default", literal("* * * * *")),
                prop("json", "params").with("default", literal("{}")).with("db", call("dbJson"))
                        .with("zod", call("zodJsonObject")),
                bool("enabled").with("default", literal(true)));
        return List.of(user, apiKey, s3File, cronJob);
    }

    /** A minimal valid kind to break kind-level rules on without disturbing the reference set. */
    private static SchemaSpec widget() {
        return schema("Widget", "widgets", List.of("admin"), id(), createdAt(), updatedAt());
    }

    private static List<SchemaSpec> withExtra(SchemaSpec extra) {
        List<SchemaSpec> specs = new ArrayList<>(validSet());
        specs.add(extra);
        return specs;
    }

    private static List<SchemaSpec> changing(String kind, UnaryOperator<SchemaSpec> change) {
        return validSet().stream().map(spec -> kind.equals(spec.get("kind")) ? change.apply(spec) : spec).toList();
    }

    private static List<SchemaSpec> changingProp(String kind, String prop, UnaryOperator<PropSpec> change) {
        return changing(kind, spec -> spec.changeProp(prop, change));
    }

    private static List<Schema> build(List<SchemaSpec> specs) {
        return specs.stream().map(SchemaSpec::build).toList();
    }

    // ---- prop builders, with ving's usual attributes ----

    private static PropSpec prop(String type, String name) {
        return new PropSpec().with("type", type).with("name", name).with("required", false)
                .with("view", List.of("public")).with("edit", List.of("owner"));
    }

    private static PropSpec id() {
        return prop("id", "id").with("default", PropDefault.UNDEFINED).with("db", call("dbPk")).with("edit", List.of());
    }

    private static PropSpec createdAt() {
        return prop("date", "createdAt").with("required", true).with("default", new PropDefault.Now("() => new Date()"))
                .with("db", call("dbTimestamp")).with("edit", List.of()).with("filterRange", true);
    }

    private static PropSpec updatedAt() {
        return createdAt().with("name", "updatedAt").with("autoUpdate", true);
    }

    private static PropSpec string(String name, int length) {
        return prop("string", name).with("length", length).with("default", literal("")).with("db", call("dbVarChar"))
                .with("zod", call("zodString"));
    }

    private static PropSpec integer(String name) {
        return prop("int", name).with("default", literal(0L)).with("db", call("dbInt")).with("zod", call("zodNumber"));
    }

    private static PropSpec bool(String name) {
        return prop("boolean", name).with("default", literal(false)).with("db", call("dbBoolean"))
                .with("enums", List.of(false, true)).with("enumLabels", List.of("No", "Yes"));
    }

    private static PropSpec enumeration(String name, String... values) {
        return prop("enum", name).with("default", literal(values[0])).with("db", call("dbEnum"))
                .with("enums", List.of((Object[]) values)).with("enumLabels", List.of((Object[]) values));
    }

    private static PropSpec parent(String name, String relationName, String kind) {
        return prop("id", name).with("default", PropDefault.UNDEFINED).with("db", call("dbRelation"))
                .with("relation", new Relation("parent", relationName, kind, null, Map.of()));
    }

    private static PropSpec child(String name, String relationName, String kind) {
        return prop("virtual", name).with("default", PropDefault.UNDEFINED)
                .with("relation", new Relation("child", relationName, kind, null, Map.of()));
    }

    private static FunctionSource call(String helper) {
        return new FunctionSource("(prop) => " + helper + "(prop)", Optional.of(helper));
    }

    private static PropDefault literal(Object value) {
        return new PropDefault.Literal(value);
    }

    private static SchemaSpec schema(String kind, String tableName, List<String> owner, PropSpec... props) {
        return new SchemaSpec().with("kind", kind).with("tableName", tableName).with("owner", owner)
                .with("props", List.of(props)).with("exports", Map.of()).with("file", Path.of(kind + ".mjs"));
    }

    // ---- specs: attributes as a schema file writes them, copied on change ----

    /** A prop as written: attribute names to values (null for a written null); absent attributes are left out. */
    private static final class PropSpec {

        private static final Set<String> FLAGS = Set.of("filterQuery", "filterQualifier", "filterRange", "autoUpdate",
                "allowRealPubicId", "noSetAll");
        private static final Set<String> MODELLED = Set.of("name", "type", "required", "default", "db", "zod", "length",
                "enums", "enumLabels", "relation", "unique", "uniqueQualifiers", "view", "edit");

        private final Map<String, Object> attributes;

        PropSpec() {
            this(new LinkedHashMap<>());
        }

        private PropSpec(Map<String, Object> attributes) {
            this.attributes = attributes;
        }

        PropSpec with(String attribute, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(attributes);
            copy.put(attribute, value);
            return new PropSpec(copy);
        }

        PropSpec without(String attribute) {
            Map<String, Object> copy = new LinkedHashMap<>(attributes);
            copy.remove(attribute);
            return new PropSpec(copy);
        }

        /** Its name, or {@code name{relationName}} for a virtual prop, as ving's messages name it. */
        boolean isCalled(String key) {
            Object relation = attributes.get("relation");
            return key.equals(attributes.get("name")) || ("virtual".equals(attributes.get("type"))
                    && relation instanceof Relation r && key.equals(attributes.get("name") + "{" + r.name() + "}"));
        }

        @SuppressWarnings("unchecked")
        Prop build() {
            Map<String, Boolean> flags = new LinkedHashMap<>();
            Map<String, Object> extra = new LinkedHashMap<>();
            attributes.forEach((attribute, value) -> {
                if (FLAGS.contains(attribute)) {
                    flags.put(attribute, (Boolean) value);
                } else if (!MODELLED.contains(attribute)) {
                    extra.put(attribute, value);
                }
            });
            // the prop starts on line 10; each attribute on a line of its own after it
            Map<String, SourcePosition> positions = new LinkedHashMap<>();
            positions.put("", new SourcePosition(10, 5));
            List<String> names = List.copyOf(attributes.keySet());
            for (int i = 0; i < names.size(); i++) {
                positions.put(names.get(i), new SourcePosition(11 + i, 9));
            }
            return new Prop(
                    (String) attributes.get("name"),
                    (String) attributes.get("type"),
                    (Boolean) attributes.get("required"),
                    attributes.containsKey("default") ? (PropDefault) attributes.get("default") : PropDefault.ABSENT,
                    Optional.ofNullable((FunctionSource) attributes.get("db")),
                    Optional.ofNullable((FunctionSource) attributes.get("zod")),
                    (Integer) attributes.get("length"),
                    (List<Object>) attributes.get("enums"),
                    (List<String>) attributes.get("enumLabels"),
                    Optional.ofNullable((Relation) attributes.get("relation")),
                    (Boolean) attributes.get("unique"),
                    (List<String>) attributes.get("uniqueQualifiers"),
                    (List<String>) attributes.get("view"),
                    (List<String>) attributes.get("edit"),
                    flags,
                    Optional.empty(),
                    extra,
                    names,
                    positions);
        }
    }

    /** A schema as written: kind, tableName, owner, props, exports and the file it came from. */
    private static final class SchemaSpec {

        private final Map<String, Object> attributes;

        SchemaSpec() {
            this(new LinkedHashMap<>());
        }

        private SchemaSpec(Map<String, Object> attributes) {
            this.attributes = attributes;
        }

        Object get(String attribute) {
            return attributes.get(attribute);
        }

        SchemaSpec with(String attribute, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(attributes);
            copy.put(attribute, value);
            return new SchemaSpec(copy);
        }

        @SuppressWarnings("unchecked")
        private List<PropSpec> props() {
            return (List<PropSpec>) attributes.get("props");
        }

        SchemaSpec addProp(PropSpec prop) {
            List<PropSpec> props = new ArrayList<>(props());
            props.add(prop);
            return with("props", props);
        }

        /** Changes the first prop called {@code key} ({@code name} or {@code name{relationName}}). */
        SchemaSpec changeProp(String key, UnaryOperator<PropSpec> change) {
            List<PropSpec> props = new ArrayList<>(props());
            for (int i = 0; i < props.size(); i++) {
                if (props.get(i).isCalled(key)) {
                    props.set(i, change.apply(props.get(i)));
                    return with("props", props);
                }
            }
            throw new IllegalArgumentException("No prop " + key);
        }

        @SuppressWarnings("unchecked")
        Schema build() {
            // kind on line 2, tableName on 3, owner on 4, props from 5
            Map<String, SourcePosition> positions = Map.of("", new SourcePosition(1, 1), "kind", new SourcePosition(2, 5),
                    "tableName", new SourcePosition(3, 5), "owner", new SourcePosition(4, 5),
                    "props", new SourcePosition(5, 5));
            List<Prop> props = props() == null ? null : props().stream().map(PropSpec::build).toList();
            return new Schema((String) attributes.get("kind"), (String) attributes.get("tableName"),
                    (List<String>) attributes.get("owner"), props, Optional.empty(),
                    (Map<String, Object>) attributes.get("exports"), (Path) attributes.get("file"), positions);
        }
    }
}
