package io.quarkiverse.ving.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: each uses only those below it, no two packages
 * depend on each other, the plain-Java layers of the core module (js, json, table, schema, migrate, codegen,
 * connection) use no framework, the
 * reactive layers (sql, record) no container, and nothing below the Quarkus glue reaches up into it.
 */
@AnalyzeClasses(packages = "io.quarkiverse.ving", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** What a Quarkus application brings: the container, its configuration and Vert.x. */
    private static final String[] FRAMEWORK = { "io.quarkus..", "io.vertx..", "io.smallrye..", "org.eclipse.microprofile..",
            "jakarta.enterprise..", "jakarta.inject..", "org.jboss.logging.." };

    private static final String[] PLAIN_JAVA = { "io.quarkiverse.ving.js..", "io.quarkiverse.ving.json..",
            "io.quarkiverse.ving.table..", "io.quarkiverse.ving.schema..", "io.quarkiverse.ving.migrate..",
            "io.quarkiverse.ving.codegen..", "io.quarkiverse.ving.connection.." };

    @ArchTest
    static final ArchRule eachLayerUsesOnlyTheLayersBelow = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("json").definedBy("io.quarkiverse.ving.json..")
            .layer("js").definedBy("io.quarkiverse.ving.js..")
            .layer("table").definedBy("io.quarkiverse.ving.table..")
            .layer("schema").definedBy("io.quarkiverse.ving.schema..")
            .layer("migrate").definedBy("io.quarkiverse.ving.migrate..")
            .layer("codegen").definedBy("io.quarkiverse.ving.codegen..")
            .layer("connection").definedBy("io.quarkiverse.ving.connection..")
            .layer("sql").definedBy("io.quarkiverse.ving.sql..")
            .layer("record").definedBy("io.quarkiverse.ving.record..")
            .layer("glue").definedBy("io.quarkiverse.ving.runtime..")
            .whereLayer("glue").mayNotBeAccessedByAnyLayer()
            .whereLayer("record").mayOnlyBeAccessedByLayers("glue")
            .whereLayer("sql").mayOnlyBeAccessedByLayers("record", "glue")
            .whereLayer("migrate").mayOnlyBeAccessedByLayers("glue")
            .whereLayer("codegen").mayOnlyBeAccessedByLayers("glue")
            .whereLayer("connection").mayOnlyBeAccessedByLayers("sql", "glue")
            .whereLayer("schema").mayOnlyBeAccessedByLayers("migrate", "codegen", "record", "glue")
            .whereLayer("table").mayOnlyBeAccessedByLayers("schema", "migrate", "codegen", "sql", "record", "glue")
            .whereLayer("js").mayOnlyBeAccessedByLayers("schema", "migrate", "codegen");

    @ArchTest
    static final ArchRule noTwoPackagesDependOnEachOther = slices().matching("io.quarkiverse.ving.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule plainJavaLayersUseNoFramework = noClasses().that().resideInAnyPackage(PLAIN_JAVA)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK)
            .because("the command line, the build and the tests use these layers without a running application");

    @ArchTest
    static final ArchRule reactiveLayersReachNoContainer = noClasses()
            .that().resideInAnyPackage("io.quarkiverse.ving.sql..", "io.quarkiverse.ving.record..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "org.eclipse.microprofile..", "jakarta.enterprise..")
            .because("what they need from the running application is passed in by the glue (Kinds.install, "
                    + "StandaloneDb.installApplicationDb)");

    @ArchTest
    static final ArchRule nothingBelowTheGlueReachesUp = noClasses().that().resideOutsideOfPackage("io.quarkiverse.ving.runtime..")
            .should().dependOnClassesThat().resideInAPackage("io.quarkiverse.ving.runtime..")
            .because("the Quarkus glue (recorder, producers, configuration) sits on top of every other layer");
}
