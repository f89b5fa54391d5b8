package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * {@code quarkus.ving.dev.schema-sync=push}, dev mode's default: the dev database follows the schemas at each
 * (re)start, a new kind's table and a new prop's column appear without a migration; a dropped prop's column stays.
 */
class VingDevPushTest {

    private static final String DATABASE = "ving_dev_push_test";

    static {
        // before the extension starts dev mode: an empty database of this test's own
        TestApps.createEmpty(DATABASE);
    }

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addClass(KindColumnsRoute.class)
                    .addAsResource(new StringAsset("VING_MYSQL=mysql://root@" + TestDatabase.HOST + "/" + DATABASE + "\n"),
                            "application.properties"))
            .setCodeGenSources("ving");

    @AfterAll
    static void dropDatabase() {
        TestDatabase.executeOnServer("drop database if exists " + DATABASE);
    }

    private static List<String> columns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + TestDatabase.HOST + "/" + DATABASE + "?user=root");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select column_name from information_schema.columns "
                        + "where table_schema = '" + DATABASE + "' and table_name = 'widgets' order by ordinal_position")) {
            while (result.next()) {
                columns.add(result.getString(1));
            }
        }
        return columns;
    }

    @Test
    void theDevDatabaseFollowsTheSchemas() throws SQLException {
        assertEquals(List.of("id", "createdAt", "updatedAt", "name"), columns(), "pushed at start: the table of a new kind");

        DEV.modifyFile("ving/Widget.mjs", schema -> schema.replace("    ],\n};", """
                        {
                            type: "int",
                            name: "size",
                            required: false,
                            default: 0,
                            db: (prop) => dbInt(prop),
                            view: ['public'],
                            edit: [],
                        },
                    ],
                };""".stripLeading()));
        given().get("/kinds/Widget/columns"); // a request is what makes dev mode look for changes
        assertEquals(List.of("id", "createdAt", "updatedAt", "name", "size"), columns(), "pushed after the edit: the new column");

        DEV.modifyFile("ving/Widget.mjs", schema -> schema.replace("name: \"name\"", "name: \"title\""));
        given().get("/kinds/Widget/columns");
        assertEquals(List.of("id", "createdAt", "updatedAt", "name", "size", "title"), columns(),
                "a column that would be dropped is left to a migration; the new one is added");
    }
}
