package io.quarkiverse.ving.record;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The values of schema defaults that are JavaScript functions ving cannot run in Java, such as
 * {@code () => 'pk_' + crypto.randomBytes(18).toString('hex')}: the application registers a provider per kind and
 * prop, once, at startup.
 *
 * <pre>
 * ComputedDefaults.register("APIKey", "privateKey", () -> "pk_" + HexFormat.of().formatHex(randomBytes(18)));
 * </pre>
 */
public final class ComputedDefaults {

    private static final Map<String, Supplier<?>> PROVIDERS = new ConcurrentHashMap<>();

    private ComputedDefaults() {
    }

    /** Registers (or replaces) the provider of a prop's computed default. */
    public static void register(String kind, String prop, Supplier<?> provider) {
        PROVIDERS.put(kind + "." + prop, provider);
    }

    /** Removes the provider of a prop's computed default. */
    public static void unregister(String kind, String prop) {
        PROVIDERS.remove(kind + "." + prop);
    }

    /** A new value for the prop, from its provider; without one, says what to register. */
    static Object valueFor(String kind, String prop, String source) {
        Supplier<?> provider = PROVIDERS.get(kind + "." + prop);
        if (provider == null) {
            throw new IllegalStateException(kind + "." + prop + " has a computed default, " + source
                    + ", and no provider for it: register one at startup with ComputedDefaults.register(\"" + kind
                    + "\", \"" + prop + "\", () -> …)");
        }
        return provider.get();
    }
}
