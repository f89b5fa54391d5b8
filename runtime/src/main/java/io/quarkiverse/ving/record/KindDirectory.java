package io.quarkiverse.ving.record;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of the running application, as its container holds them: what {@link Kinds#useKind} and a record's
 * relations look up. The Quarkus glue installs one at start ({@link Kinds#install}), so that this package needs no
 * container of its own.
 */
public interface KindDirectory {

    /** Every kind the application has: the generated ones and the application's subclasses of them. */
    List<Kind<?>> all();

    /** The application's kind of this class, when it has one. */
    <K extends Kind<?>> Optional<K> of(Class<K> type);
}
