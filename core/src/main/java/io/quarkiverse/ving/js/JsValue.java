package io.quarkiverse.ving.js;

import java.util.List;
import java.util.Optional;

/**
 * A value written in a schema file: the small subset of JavaScript that ving schema files use
 * (and JSON, which is a subset of it). Every value remembers where it starts, so errors can point at
 * the line.
 */
public sealed interface JsValue {

    SourcePosition position();

    /** A short name of the value's kind for error messages: "a string", "an array", "a function" … */
    String describe();

    record JsString(String value, SourcePosition position) implements JsValue {
        public String describe() {
            return "a string";
        }
    }

    /** A number; {@code text} is the literal as written, e.g. {@code 0x1F} or {@code 1e3}. */
    record JsNumber(double value, String text, SourcePosition position) implements JsValue {
        public String describe() {
            return "a number";
        }

        public boolean isInteger() {
            return value == Math.rint(value) && !Double.isInfinite(value);
        }
    }

    record JsBoolean(boolean value, SourcePosition position) implements JsValue {
        public String describe() {
            return "a boolean";
        }
    }

    record JsNull(SourcePosition position) implements JsValue {
        public String describe() {
            return "null";
        }
    }

    record JsUndefined(SourcePosition position) implements JsValue {
        public String describe() {
            return "undefined";
        }
    }

    record JsArray(List<JsValue> elements, SourcePosition position) implements JsValue {
        public String describe() {
            return "an array";
        }
    }

    /**
     * An object literal. Members keep their written order; a spread ({@code ...baseSchemaId}) is a
     * member of its own, resolved later by whoever knows what the spread name stands for.
     */
    record JsObject(List<Member> members, SourcePosition position) implements JsValue {
        public String describe() {
            return "an object";
        }

        /** The value of the last plain property with this key (as in JavaScript, a later key wins). */
        public Optional<JsValue> get(String key) {
            JsValue found = null;
            for (Member member : members) {
                if (member instanceof Property property && property.key().equals(key)) {
                    found = property.value();
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /** A member of an object literal. */
    sealed interface Member {
        SourcePosition position();
    }

    /** {@code key: value}; shorthand {@code {name}} is a property whose value is an identifier. */
    record Property(String key, JsValue value, SourcePosition position) implements Member {
    }

    /** {@code ...expression} inside an object literal. */
    record Spread(JsValue value, SourcePosition position) implements Member {
    }

    /** A bare name that refers to something else: an import, a const of the same file, a global. */
    record JsIdentifier(String name, SourcePosition position) implements JsValue {
        public String describe() {
            return "a reference to " + name;
        }
    }

    /**
     * A function ({@code (prop) => dbVarChar(prop)}, {@code function () {…}}). It is never run: it is kept
     * as its source text, with the first function it calls (the callee's full dotted name as written,
     * e.g. {@code dbVarChar}, {@code zodString}, {@code crypto.randomUUID}) and, for
     * {@code new X(…)} bodies, the constructed name.
     *
     * @param parameters parameter names as written
     * @param source the function's whole source text, exactly as in the file
     * @param firstCall the callee of the first call in the body, if any
     * @param constructs the class of a body that is a single {@code new X(…)} expression, if so
     */
    record JsFunction(List<String> parameters, String source, Optional<String> firstCall, Optional<String> constructs,
            SourcePosition position) implements JsValue {
        public String describe() {
            return "a function";
        }
    }

    /**
     * Any other expression (e.g. {@code 'a' + 'b'}, {@code x.y}, a call, a template literal): kept as source
     * text, never evaluated.
     */
    record JsExpression(String source, SourcePosition position) implements JsValue {
        public String describe() {
            return "the expression " + source;
        }
    }
}
