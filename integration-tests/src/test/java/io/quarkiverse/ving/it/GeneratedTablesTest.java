package io.quarkiverse.ving.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.table.DdlWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The application compiled against the classes generated from src/main/ving and serves them, with no database. */
@QuarkusTest
@TestProfile(GeneratedTablesTest.NoDatabase.class)
class GeneratedTablesTest {

    /** No database at all: neither VING_MYSQL nor the embedded MariaDB, and Hibernate, which would need one, off. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.active", "false", "quarkus.ving.devservices.enabled", "false");
        }
    }

    @Test
    void everyKindHasItsGeneratedTable() {
        given().get("/tables").then().statusCode(200)
                .body("$", contains("apikeys", "cronjobs", "s3files", "users"));
    }

    @Test
    void columnsCarryTheirSqlAndJavaTypes() {
        given().get("/tables/users").then().statusCode(200)
                .body("id", equalTo("bigint unsigned Long"))
                .body("email", equalTo("varchar(256) String"))
                .body("admin", equalTo("boolean Boolean"))
                .body("createdAt", equalTo("timestamp LocalDateTime"))
                .body("avatarId", equalTo("bigint unsigned Long"));
        given().get("/tables/cronjobs").then().statusCode(200)
                .body("params", equalTo("json String"))
                .body("publicId", equalTo("char(36) String"));
    }

    @Test
    void generatedClassesDescribeExactlyTheTablesTheSchemasMapTo() {
        String fromSchemas = DdlWriter.exportText(DdlWriter.createAll(
                TableMapper.tables(SchemaDirectory.load(Path.of("../src/main/ving")))));
        String fromGeneratedClasses = given().get("/tables/export").then().statusCode(200).extract().asString();
        assertEquals(fromSchemas, fromGeneratedClasses);
    }
}
