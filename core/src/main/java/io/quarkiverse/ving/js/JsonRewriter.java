package io.quarkiverse.ving.js;

import java.util.List;

import io.quarkiverse.ving.js.JsValue.JsObject;
import io.quarkiverse.ving.js.JsValue.Member;

/**
 * Replaces values of a JSON document as the parser makes them, innermost first, so that a reader with notations of
 * its own (a function written as {@code {"function": "…"}}) need not copy the whole tree afterwards.
 */
public interface JsonRewriter {

    /** Leaves every value as it is. */
    JsonRewriter NONE = new JsonRewriter() {
    };

    /** What stands in place of a finished object (its members already rewritten). */
    default JsValue object(JsObject object) {
        return object;
    }

    /** What stands in place of the value of the property {@code key} (the value already rewritten). */
    default JsValue property(String key, JsValue value) {
        return value;
    }

    /**
     * Asked when the value of a property of the document's outermost object starts with an array.
     *
     * @param key the property's key
     * @param before the object's members before the property
     * @return what takes the array's elements, or null to keep them in the value tree
     */
    default ElementSink elementsOf(String key, List<Member> before) {
        return null;
    }
}
