package io.quarkiverse.ving.js;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts a value tree to plain Java: String, Long (integers) or Double, Boolean, null, List, Map (in
 * written order, a later key replacing an earlier one, as in JavaScript).
 */
public final class JsLiterals {

    private JsLiterals() {
    }

    /**
     * @param value the value to convert
     * @param other converts what is not a literal (identifiers, functions, expressions, and the operand of
     *        an object spread, which must come back as a Map)
     * @throws JsSyntaxException without a file, for a spread whose operand does not come back as a Map
     */
    public static Object toJava(JsValue value, Function<JsValue, Object> other) {
        if (value instanceof JsValue.JsString string) {
            return string.value();
        }
        if (value instanceof JsValue.JsNumber number) {
            return number.isInteger() && Math.abs(number.value()) < 1e15 ? (Object) (long) number.value()
                    : (Object) number.value();
        }
        if (value instanceof JsValue.JsBoolean bool) {
            return bool.value();
        }
        if (value instanceof JsValue.JsNull || value instanceof JsValue.JsUndefined) {
            return null;
        }
        if (value instanceof JsValue.JsArray array) {
            List<Object> list = new ArrayList<>();
            array.elements().forEach(element -> list.add(toJava(element, other)));
            return Collections.unmodifiableList(list);
        }
        if (value instanceof JsValue.JsObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (JsValue.Member member : object.members()) {
                if (member instanceof JsValue.Property property) {
                    map.put(property.key(), toJava(property.value(), other));
                } else if (other.apply(((JsValue.Spread) member).value()) instanceof Map<?, ?> spread) {
                    spread.forEach((key, entry) -> map.put(String.valueOf(key), entry));
                } else {
                    // the caller knows the file and puts it in
                    throw new JsSyntaxException(null, member.position(), "A spread here must be of an object, written "
                            + "here or in a constant of this file, not " + ((JsValue.Spread) member).value().describe() + ".");
                }
            }
            return Collections.unmodifiableMap(map);
        }
        return other.apply(value);
    }
}
