package io.quarkiverse.ving.record;

import java.util.List;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.util.TypeLiteral;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableBean;

/** ving's {@code useKind('User')}: a kind by its name, for code that cannot inject it. */
public final class Kinds {

    private Kinds() {
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
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            throw new IllegalStateException("useKind(\"" + kind + "\") needs a running Quarkus application; "
                    + "elsewhere make the kind itself: new " + kind + "s(StandaloneDb.useDB())");
        }
        // every bean, not a resolved selection: resolution would drop all kinds but an application's alternative one;
        // and Kind<?>, not the raw Kind, which CDI matches only to beans of Kind<Object>
        List<Kind<?>> all = container.beanManager().getBeans(new TypeLiteral<Kind<?>>() {
        }.getType()).stream().<Kind<?>> map(bean -> kindOf(container, bean)).toList();
        List<Kind<?>> named = all.stream().filter(candidate -> candidate.kind().equals(kind)).toList();
        // the generated kind and an application's subclass of it both match: the subclass is meant
        return (K) named.stream()
                .filter(candidate -> named.stream().allMatch(other -> other.getClass().isAssignableFrom(candidate.getClass())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kind named " + kind + "; the kinds are "
                        + all.stream().map(Kind::kind).distinct().sorted().toList()));
    }

    @SuppressWarnings("unchecked")
    private static Kind<?> kindOf(ArcContainer container, Bean<?> bean) {
        return container.instance((InjectableBean<Kind<?>>) bean).get();
    }
}
