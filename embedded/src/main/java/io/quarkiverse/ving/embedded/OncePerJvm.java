package io.quarkiverse.ving.embedded;

import java.util.function.Supplier;

/**
 * Test servers started at most once per JVM (per Maven module's test run), as a JUnit extension would, which main code
 * cannot depend on: the first caller starts them, every later one gets them; a start that failed is not tried again,
 * its failure is thrown to every caller.
 */
final class OncePerJvm<T> {

    private final String what;
    private final Supplier<T> start;
    private T value;
    private RuntimeException failure;

    OncePerJvm(String what, Supplier<T> start) {
        this.what = what;
        this.start = start;
    }

    synchronized T get() {
        if (failure != null) {
            throw new IllegalStateException("The shared " + what + " did not start: " + failure.getMessage());
        }
        if (value == null) {
            try {
                value = start.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return value;
    }
}
