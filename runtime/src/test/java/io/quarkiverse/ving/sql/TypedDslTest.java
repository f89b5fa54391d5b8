package io.quarkiverse.ving.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSL's types, checked by the compiler itself: each snippet is compiled against the DSL as a user's code would
 * be, with the columns of {@link MySqlRendererTest} ({@code ID}, {@code KEY_USER}: Long; {@code EMAIL}: String;
 * {@code ADMIN}: Boolean).
 */
class TypedDslTest {

    @TempDir
    Path classes;

    @ParameterizedTest
    @ValueSource(strings = {
            "eq(EMAIL, \"joe@example.com\")",
            "eq(ID, 1)", // a number literal compares with any number column, as in SQL
            "eq(ID, 1L)",
            "eq(ID, Long.valueOf(1))",
            "eq(KEY_USER, ID)",
            "eq(ADMIN, true)",
            "eq(EMAIL, (String) null)",
            "gt(count(), 5)",
            "between(ID, 1, 9)",
            "like(EMAIL, \"%@example.com\")",
            "inArray(ID, java.util.List.of(1, 2))",
            "select(ID).from(USERS).orderBy(desc(ADMIN), EMAIL).where(eq(ID, 1))",
            "and(eq(ADMIN, true), lt(ID, 10L))" })
    void correctCodeCompiles(String expression) throws IOException {
        assertEquals("", compile(expression));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "eq(EMAIL, 5)", // a string column against a number
            "eq(ID, \"1\")", // a number column against a string
            "eq(EMAIL, ID)", // two expressions of different types
            "gt(ADMIN, 1)",
            "ne(ID, 1.5)", // a fraction against a whole-number column: write the column's type
            "between(EMAIL, 1, 2)",
            "like(ID, \"1%\")",
            "select(ID).from(USERS).orderBy(\"email\")" })
    void aMismatchedTypeDoesNotCompile(String expression) throws IOException {
        String errors = compile(expression);
        // the compiler's message points at the snippet's line: the expression, not the set-up, is what it refused
        assertTrue(errors.contains("Snippet.java:8: error:"), "compiled, but should not have: " + expression + errors);
    }

    /** Compiles a class using the expression; returns the compiler's errors, or nothing. */
    private String compile(String expression) throws IOException {
        String source = """
                package io.quarkiverse.ving.sql;

                import static io.quarkiverse.ving.sql.MySqlRendererTest.*;
                import static io.quarkiverse.ving.sql.Orm.*;

                class Snippet {
                    Object value() {
                        return %s;
                    }
                }
                """.formatted(expression);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///io/quarkiverse/ving/sql/Snippet.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Files.createDirectories(classes);
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
                null, List.of(file)).call();
        return compiled ? "" : errors.toString();
    }
}
