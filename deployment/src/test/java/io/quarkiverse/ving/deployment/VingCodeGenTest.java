package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.bootstrap.prebuild.CodeGenException;
import io.quarkus.deployment.CodeGenContext;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The code generator on its own: what it writes, that it compiles, and how it fails. */
class VingCodeGenTest {

    private static final Path REFERENCE_SCHEMAS = Path.of("../src/main/ving");

    @TempDir
    Path work;

    private boolean generate(Path schemas, Map<String, String> config) throws CodeGenException {
        var smallRye = new SmallRyeConfigBuilder().withDefaultValues(config).build();
        CodeGenContext context = new CodeGenContext(null, work.resolve("out"), work, schemas, false, smallRye, false);
        return new VingCodeGen().trigger(context);
    }

    private static Path copyOfReferenceSchemas(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(REFERENCE_SCHEMAS)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void writesOneTableClassPerKindThatCompiles() throws Exception {
        assertTrue(generate(REFERENCE_SCHEMAS, Map.of()));
        Path packageDir = work.resolve("out/ving/drizzle/schema");
        List<Path> sources;
        try (Stream<Path> files = Files.list(packageDir)) {
            sources = files.sorted().toList();
        }
        assertEquals(List.of("APIKeyTable.java", "CronJobTable.java", "S3FileTable.java", "UserTable.java"),
                sources.stream().map(path -> path.getFileName().toString()).toList());

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", work.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17"));
        sources.forEach(source -> arguments.add(source.toString()));
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)), "the generated sources compile");
        assertTrue(Files.exists(work.resolve("classes/ving/drizzle/schema/UserTable.class")));
    }

    @Test
    void thePackageIsConfigurable() throws Exception {
        generate(REFERENCE_SCHEMAS, Map.of(VingCodeGen.PACKAGE_PROPERTY, "com.example.tables"));
        String source = Files.readString(work.resolve("out/com/example/tables/UserTable.java"));
        assertTrue(source.startsWith("package com.example.tables;\n"), source);
    }

    @Test
    void aBadSchemaFailsTheBuildWithTheValidatorsMessageAndFile() throws Exception {
        Path schemas = copyOfReferenceSchemas(work.resolve("broken"));
        Path user = schemas.resolve("User.mjs");
        Files.writeString(user, Files.readString(user).replaceFirst("length: 256,", "length: 300,"));
        CodeGenException e = assertThrows(CodeGenException.class, () -> generate(schemas, Map.of()));
        assertTrue(e.getMessage().contains(user + ":33: User.props.email: email, a varchar field, cannot have a length greater than 256."),
                e.getMessage());
    }

    @Test
    void aSchemaRemovedRemovesItsClass() throws Exception {
        Path schemas = copyOfReferenceSchemas(work.resolve("schemas"));
        generate(schemas, Map.of());
        Path cronJobTable = work.resolve("out/ving/drizzle/schema/CronJobTable.java");
        assertTrue(Files.exists(cronJobTable));
        Files.delete(schemas.resolve("CronJob.mjs"));
        generate(schemas, Map.of());
        assertFalse(Files.exists(cronJobTable));
    }

    @Test
    void aFolderWithoutSchemasGeneratesNothing() throws Exception {
        Files.createDirectories(work.resolve("empty"));
        assertFalse(generate(work.resolve("empty"), Map.of()));
    }

    @Test
    void aNamedDatasourcesSchemasBecomeKindsOfThatDatasourceThatCompile() throws Exception {
        Path schemas = work.resolve("ving");
        copyOfReferenceSchemas(schemas.resolve("orders"));
        assertTrue(generate(schemas, Map.of("quarkus.datasource.\"orders\".db-kind", "mariadb")));
        String kind = Files.readString(work.resolve("out/ving/record/orders/Users.java"));
        assertTrue(kind.startsWith("package ving.record.orders;\n"), kind);
        assertTrue(kind.contains("    public Users(@VingDatasource(\"orders\") VingDb db) {"), kind);
        assertTrue(kind.contains("import ving.drizzle.schema.orders.UserTable;"), kind);
        assertFalse(Files.exists(work.resolve("out/ving/record/Users.java")), "the default datasource has no schemas");

        List<Path> sources;
        try (Stream<Path> files = Files.walk(work.resolve("out"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", work.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17"));
        sources.forEach(source -> arguments.add(source.toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)),
                "the generated sources compile");
    }

    @Test
    void aDatasourceThatIsNotMySqlGetsNoKinds() throws Exception {
        Path schemas = work.resolve("ving");
        copyOfReferenceSchemas(schemas.resolve("reports"));
        assertFalse(generate(schemas, Map.of("quarkus.datasource.\"reports\".db-kind", "postgresql")));
    }

    @Test
    void aKindInTwoDatasourcesFailsTheBuildNamingBoth() throws Exception {
        Path schemas = copyOfReferenceSchemas(work.resolve("ving"));
        copyOfReferenceSchemas(schemas.resolve("orders"));
        CodeGenException e = assertThrows(CodeGenException.class,
                () -> generate(schemas, Map.of("quarkus.datasource.\"orders\".db-kind", "mariadb")));
        assertTrue(e.getMessage().startsWith("The ving kind APIKey is defined by the schemas of the default datasource and of"
                + " datasource \"orders\" (" + schemas.resolve("orders/APIKey.mjs")), e.getMessage());
    }
}
