package io.quarkiverse.ving.cli;

/** The exit statuses of every ving command, as documented in {@code ving --help}. */
final class ExitCodes {

    static final int OK = 0;
    static final int NEEDS_ATTENTION = 1;
    static final int BAD_INPUT = 2;
    static final int DATABASE_ERROR = 3;
    /** --up refused: the server is a replica. */
    static final int REFUSED_REPLICA = 4;
    /** --up refused: the server is read-only. */
    static final int REFUSED_READ_ONLY = 5;
    /** --up refused: a Galera node under RSU, or not synced with its cluster. */
    static final int REFUSED_GALERA_NODE = 6;
    /** An error no command expected: a bug in ving (EX_SOFTWARE of sysexits.h). */
    static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
