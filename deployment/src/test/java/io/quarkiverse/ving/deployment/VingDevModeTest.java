package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * {@code quarkus dev}: a schema file edited while the application runs regenerates the kind's classes, and the next
 * request sees the new column, with no restart by hand.
 */
class VingDevModeTest {

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addClass(KindColumnsRoute.class)
                    // the route reads table metadata only: no database needed
                    .addAsResource(new StringAsset("quarkus.ving.devservices.enabled=false\n"), "application.properties"))
            // src/test/ving becomes the project's src/main/ving
            .setCodeGenSources("ving");

    @Test
    void anEditedSchemaIsSeenByTheNextRequest() {
        // The test's dev mode starts from pre-compiled classes, not from a build that compiled the generated sources
        // as `quarkus dev` does: a first edit has the watcher generate and compile them.
        DEV.modifyFile("ving/Widget.mjs", schema -> schema + "// edited once\n");
        given().get("/kinds/Widget/columns").then().statusCode(200).body(equalTo("id,createdAt,updatedAt,name"));

        DEV.modifyFile("ving/Widget.mjs", schema -> schema.replace("    ],\n};", """
                        {
                            type: "string",
                            name: "color",
                            required: false,
                            length: 20,
                            default: 'red',
                            db: (prop) => dbVarChar(prop),
                            view: ['public'],
                            edit: [],
                        },
                    ],
                };""".stripLeading()));

        given().get("/kinds/Widget/columns").then().statusCode(200).body(equalTo("id,createdAt,updatedAt,name,color"));
    }
}
