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
}
