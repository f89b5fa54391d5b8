package io.quarkiverse.ving.js;

/**
 * Takes the elements of one array literal as the parser finishes each, instead of the value tree keeping them. A reader
 * that turns each element into an object of its own at once lets the element's values go as soon as it has, so the
 * value tree of a whole large array (the props of a schema) never exists.
 */
public interface ElementSink {

    /** The next element, fully parsed. */
    void element(JsValue element);

    /** What stands for the array in the value tree, once its last element was taken; it starts at {@code position}. */
    JsValue end(SourcePosition position);
}
