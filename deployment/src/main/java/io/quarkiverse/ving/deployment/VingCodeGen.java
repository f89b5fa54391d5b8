package io.quarkiverse.ving.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;

import io.quarkiverse.ving.codegen.RecordClassWriter;
import io.quarkiverse.ving.codegen.TableClassWriter;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkus.bootstrap.model.ApplicationModel;
import io.quarkus.bootstrap.prebuild.CodeGenException;
import io.quarkus.deployment.CodeGenContext;
import io.quarkus.deployment.CodeGenProvider;

/**
 * Generates the typed table classes ({@code UserTable} …), records ({@code User}) and kinds ({@code Users}) from the ving schema files in {@code src/main/ving}
 * before the application is compiled, and again in dev mode whenever a schema file changes.
 */
public class VingCodeGen implements CodeGenProvider {

    /** Build property naming another schema folder than {@code src/main/ving}. */
    static final String SCHEMAS_PROPERTY = "quarkus.ving.schemas";
    /** Config key of the package the table classes are generated in. */
    static final String PACKAGE_PROPERTY = "quarkus.ving.codegen.package";
    /** Config key of the package the record and kind classes are generated in. */
    static final String RECORD_PACKAGE_PROPERTY = "quarkus.ving.codegen.record-package";
    static final String JPA_ENTITIES_PROPERTY = "quarkus.ving.codegen.jpa-entities";

    private Path schemasOverride;

    @Override
    public String providerId() {
        return "ving";
    }

    @Override
    public String[] inputExtensions() {
        return new String[] { "mjs", "json" };
    }

    @Override
    public String inputDirectory() {
        return "ving";
    }

    @Override
    public void init(ApplicationModel model, Map<String, String> properties) {
        String schemas = properties.get(SCHEMAS_PROPERTY);
        schemasOverride = schemas == null || schemas.isBlank() ? null : Path.of(schemas).toAbsolutePath().normalize();
    }

    @Override
    public Path getInputDirectory() {
        return schemasOverride;
    }

    @Override
    public boolean shouldRun(Path sourceDir, Config config) {
        return Files.isDirectory(sourceDir);
    }

    @Override
    public boolean trigger(CodeGenContext context) throws CodeGenException {
        Path input = context.inputDir();
        Config config = context.config();
        String packageName = config.getOptionalValue(PACKAGE_PROPERTY, String.class).orElse(TableClassWriter.DEFAULT_PACKAGE);
        String recordPackage = config.getOptionalValue(RECORD_PACKAGE_PROPERTY, String.class)
                .orElse(RecordClassWriter.DEFAULT_PACKAGE);
        boolean jpaEntities = config.getOptionalValue(JPA_ENTITIES_PROPERTY, Boolean.class).orElse(false);
        Map<Path, String> sources = new LinkedHashMap<>();
        Map<String, String> kindsSeen = new LinkedHashMap<>(); // kind -> the datasource whose schemas define it
        try {
            if (SchemaDirectory.hasSchemas(input)) {
                List<Schema> schemas = SchemaDirectory.load(input);
                claim(kindsSeen, schemas, "the default datasource");
                sources.putAll(TableClassWriter.sources(schemas, packageName));
                sources.putAll(RecordClassWriter.sources(schemas, recordPackage, packageName, jpaEntities));
            }
            for (Map.Entry<String, Path> named : NamedSchemaFolders.of(config, input).entrySet()) {
                if (!SchemaDirectory.hasSchemas(named.getValue())) {
                    continue;
                }
                String name = named.getKey();
                List<Schema> schemas = SchemaDirectory.load(named.getValue());
                claim(kindsSeen, schemas, "datasource \"" + name + "\"");
                String subPackage = NamedSchemaFolders.javaPackage(name);
                sources.putAll(TableClassWriter.sources(schemas, packageName + "." + subPackage));
                sources.putAll(RecordClassWriter.sources(schemas, recordPackage + "." + subPackage, packageName + "." + subPackage,
                        jpaEntities, Optional.of(name)));
            }
        } catch (SchemaException e) {
            throw new CodeGenException("Invalid ving schema:\n" + e.getMessage());
        }
        if (sources.isEmpty()) {
            return false;
        }
        Path outDir = context.outDir();
        try {
            removeStale(outDir, sources.keySet());
            for (Map.Entry<Path, String> source : sources.entrySet()) {
                writeIfChanged(outDir.resolve(source.getKey()), source.getValue());
            }
        } catch (IOException e) {
            throw new CodeGenException("Cannot write the ving table classes to " + outDir + ": " + e.getMessage(), e);
        }
        return true;
    }

    /**
     * Records which datasource's schemas define each kind: {@code useKind("Order")} names a kind across the
     * application, so two datasources cannot both have one.
     */
    private static void claim(Map<String, String> kindsSeen, List<Schema> schemas, String dataSource) throws CodeGenException {
        for (Schema schema : schemas) {
            String other = kindsSeen.putIfAbsent(schema.kind(), dataSource);
            if (other != null) {
                throw new CodeGenException("The ving kind " + schema.kind() + " is defined by the schemas of " + other + " and of "
                        + dataSource + " (" + schema.file() + "); useKind(\"" + schema.kind() + "\") names one kind in the"
                        + " whole application. Rename one of them.");
            }
        }
    }

    /** Removes the classes of kinds whose schema is gone: everything under the output folder is generated here. */
    private static void removeStale(Path outDir, Set<Path> current) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(outDir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (!current.contains(outDir.relativize(file))) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Leaves unchanged files untouched, so the compiler and dev mode see only real changes. */
    private static void writeIfChanged(Path target, String source) throws IOException {
        if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(source)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, source, StandardCharsets.UTF_8);
    }
}
