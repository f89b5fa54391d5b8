package io.quarkiverse.ving.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers, checked on the compiled classes: the plain-Java layers (schema, table, migrate, codegen, json) use no
 * framework, the reactive layers (sql, record) no container, and nothing below the Quarkus glue reaches up into it.
 */
@AnalyzeClasses(packages = "io.quarkiverse.ving", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** What a Quarkus application brings: the container, its configuration and Vert.x. */
    private static final String[] FRAMEWORK = { "io.quarkus..", "io.vertx..", "io.smallrye..", "org.eclipse.microprofile..",
            "jakarta.enterprise..", "jakarta.inject..", "org.jboss.logging.." };

    private static final String[] PLAIN_JAVA = { "io.quarkiverse.ving.schema..", "io.quarkiverse.ving.table..",
            "io.quarkiverse.ving.migrate..", "io.quarkiverse.ving.codegen..", "io.quarkiverse.ving.json.." };

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
