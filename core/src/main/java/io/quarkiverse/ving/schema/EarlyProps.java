package io.quarkiverse.ving.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.quarkiverse.ving.js.ElementSink;
import io.quarkiverse.ving.js.JsValue.JsArray;
import io.quarkiverse.ving.js.JsValue.JsString;
import io.quarkiverse.ving.js.JsValue.Member;
import io.quarkiverse.ving.js.JsValue.Property;
import io.quarkiverse.ving.js.JsValue;
import io.quarkiverse.ving.js.SourcePosition;

/**
 * A schema's props, each assembled as soon as the parser has read it rather than once the whole file is parsed. A
 * prop's values are garbage once its {@link Prop} is made, so the value tree of all the props of a large file never
 * exists at once: the collector had to copy that tree, which grows with the file, at every collection while the file
 * was read.
 *
 * <p>
 * The props are assembled with what is known when the parser reaches them: the schema's {@code kind} written before
 * {@code props}, and the names defined so far. The reader checks, once the file is parsed, that the schema is assembled
 * with the same; when it is not, the props are {@link Unusable} and the file is read again the whole-tree way. A
 * problem in a prop is kept, and reported where {@link SchemaAssembler} would have met it: after the schema's own
 * attributes.
 */
final class EarlyProps implements ElementSink {

    private final SchemaAssembler assembler;
    private final String kind;
    private final UnaryOperator<JsValue> notation;
    private final List<Prop> props = new ArrayList<>();
    /** The first prop that could not be assembled; the props after it are not. */
    private SchemaException problem;
    private int elements;
    /** What stands for the props in the value tree, once they are all read. */
    private JsArray placeholder;

    /**
     * @param assembler assembles each prop, resolving names as known when the parser reaches it
     * @param kind the schema's kind, as written before its props
     * @param notation what a prop's element stands for, for a format with notations of its own
     */
    EarlyProps(SchemaAssembler assembler, String kind, UnaryOperator<JsValue> notation) {
        this.assembler = assembler;
        this.kind = kind;
        this.notation = notation;
    }

    /** The kind a schema object's members written before its props give it: a string {@code kind}, else null. */
    static String kindBefore(List<Member> before) {
        String kind = null;
        for (Member member : before) {
            if (member instanceof Property property && property.key().equals("kind")) {
                kind = property.value() instanceof JsString string ? string.value() : null;
            }
        }
        return kind;
    }

    @Override
    public void element(JsValue element) {
        if (problem == null) {
            try {
                props.add(assembler.prop(kind, elements, notation.apply(element)));
            } catch (SchemaException e) {
                problem = e;
            }
        }
        elements++;
    }

    @Override
    public JsValue end(SourcePosition position) {
        placeholder = new JsArray(List.of(), position);
        return placeholder;
    }

    /** Whether the value is what stands for these props in the value tree. */
    boolean standFor(JsValue value) {
        return placeholder != null && value == placeholder;
    }

    /**
     * The props, for the schema of this kind.
     *
     * @throws SchemaException the first prop's problem
     * @throws Unusable when the schema turned out to have another kind than the props were assembled with
     */
    List<Prop> props(String schemaKind) {
        if (!Objects.equals(kind, schemaKind)) {
            throw new Unusable();
        }
        if (problem != null) {
            throw problem;
        }
        return List.copyOf(props);
    }

    /**
     * The props were assembled with something other than what the schema ends up with (another kind, a name defined
     * again further down), or the value tree they left is needed whole: the file must be read again without them.
     */
    static final class Unusable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unusable() {
            super(null, null, false, false); // a signal to read again, never shown
        }
    }
}
