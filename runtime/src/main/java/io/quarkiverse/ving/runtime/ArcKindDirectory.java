package io.quarkiverse.ving.runtime;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.util.TypeLiteral;

import io.quarkiverse.ving.record.Kind;
import io.quarkiverse.ving.record.KindDirectory;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableBean;
import io.quarkus.arc.InstanceHandle;

/** The application's kinds as Arc holds them: the generated kinds and the application's subclasses are beans. */
final class ArcKindDirectory implements KindDirectory {

    private final ArcContainer container;

    ArcKindDirectory(ArcContainer container) {
        this.container = container;
    }

    @Override
    public List<Kind<?>> all() {
        // every bean, not a resolved selection: resolution would drop all kinds but an application's alternative one;
        // and Kind<?>, not the raw Kind, which CDI matches only to beans of Kind<Object>
        return container.beanManager().getBeans(new TypeLiteral<Kind<?>>() {
        }.getType()).stream().<Kind<?>> map(this::kindOf).toList();
    }

    @Override
    public <K extends Kind<?>> Optional<K> of(Class<K> type) {
        InstanceHandle<K> bean = container.instance(type);
        return bean.isAvailable() ? Optional.of(bean.get()) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Kind<?> kindOf(Bean<?> bean) {
        return container.instance((InjectableBean<Kind<?>>) bean).get();
    }
}
