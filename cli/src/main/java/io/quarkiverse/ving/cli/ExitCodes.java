package io.quarkiverse.ving.cli;

/** The exit statuses of every ving command, as documented in {@code ving --help}. */
final class ExitCodes {

    static final int OK = 0;
    static final int NEEDS_ATTENTION = 1;
    static final int BAD_INPUT = 2;
    static final int DATABASE_ERROR = 3;

    private ExitCodes() {
    }
}
