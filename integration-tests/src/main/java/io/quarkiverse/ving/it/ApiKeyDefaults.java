package io.quarkiverse.ving.it;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.event.Observes;

import io.quarkiverse.ving.record.ComputedDefaults;
import io.quarkus.runtime.StartupEvent;

/**
 * The value of APIKey's computed default, {@code () => 'pk_' + crypto.randomBytes(18).toString('hex')}, in Java:
 * what a ving application registers for each default its schemas compute.
 */
public class ApiKeyDefaults {

    /** Per instance, not static: a native build initialises classes at build time, and would freeze its seed. */
    private final SecureRandom random = new SecureRandom();

    void register(@Observes StartupEvent start) {
        ComputedDefaults.register("APIKey", "privateKey", () -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return "pk_" + HexFormat.of().formatHex(bytes);
        });
    }
}
