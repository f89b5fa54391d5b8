package io.quarkiverse.ving.record;

import java.util.List;
import java.util.Optional;

/** ving's {@code useKind('User')}: a kind by its name, for code that cannot inject it. */
public final class Kinds {

    /** The running application's kinds; none outside one. */
    private static volatile KindDirectory directory;

    private Kinds() {
    }

    /** Called by the Quarkus glue as the application starts, and with null as it stops. */
    public static void install(KindDirectory running) {
        directory = running;
    }

    /** The running application's kinds, if an application runs. */
    static Optional<KindDirectory> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * The application's kind of this name: the generated one ({@code Users}), or the application's subclass of it
     * when there is one.
     *
     * @throws IllegalArgumentException when no kind has this name, listing those that do exist
     * @throws IllegalStateException outside a running Quarkus application
     */
    @SuppressWarnings("unchecked")
    public static <K extends Kind<?>> K useKind(String kind) {
        KindDirectory running = directory().orElseThrow(() -> new IllegalStateException("useKind(\"" + kind
                + "\") needs a running Quarkus application; elsewhere make the kind itself: new " + kind
                + "s(StandaloneDb.useDB())"));
        List<Kind<?>> all = running.all();
        List<Kind<?>> named = all.stream().filter(candidate -> candidate.kind().equals(kind)).toList();
        // the generated kind and an application's subclass of it both match: the subclass is meant
        return (K) named.stream()
                .filter(candidate -> named.stream().allMatch(other -> other.getClass().isAssignableFrom(candidate.getClass())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kind named " + kind + "; the kinds are "
                        + all.stream().map(Kind::kind).distinct().sorted().toList()));
    }
}
