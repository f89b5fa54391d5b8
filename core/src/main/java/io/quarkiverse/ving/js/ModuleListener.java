package io.quarkiverse.ving.js;

import java.util.List;

import io.quarkiverse.ving.js.JsModule.Declaration;
import io.quarkiverse.ving.js.JsValue.Member;

/**
 * Follows the parse of a module as it goes, for a reader that wants to act before the whole file is parsed.
 */
public interface ModuleListener {

    /** Follows nothing. */
    ModuleListener NONE = new ModuleListener() {
    };

    /** A top-level declaration, as soon as its value is parsed; {@code export { … }} lists are not applied yet. */
    default void declared(Declaration declaration) {
    }

    /**
     * Asked when the value of a property of the object literal that a top-level declaration is initialised with
     * ({@code const userSchema = { …, props: [ … ] }}) starts with an array literal.
     *
     * @param declaration the declared name
     * @param exported whether {@code export} stands before the declaration
     * @param key the property's key
     * @param before the object's members before the property
     * @return what takes the array's elements, or null to keep them in the value tree
     */
    default ElementSink elementsOf(String declaration, boolean exported, String key, List<Member> before) {
        return null;
    }
}
