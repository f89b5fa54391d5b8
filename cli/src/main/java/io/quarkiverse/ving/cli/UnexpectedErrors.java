package io.quarkiverse.ving.cli;

import jakarta.enterprise.inject.Produces;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What the command does with an exception no command expected: one line saying what failed and that it is a bug,
 * exit status 70, and the stack trace only when asked for ({@code VING_STACKTRACE=yes}). Every failure a user can
 * cause has its own message and status; this is the net under them, so that no input ever prints 30 frames.
 */
final class UnexpectedErrors implements IExecutionExceptionHandler {

    /** The variable that asks for the stack trace of an unexpected error. */
    static final String STACKTRACE_VARIABLE = "VING_STACKTRACE";

    /** The command line Quarkus runs, with this handler. */
    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setExecutionExceptionHandler(new UnexpectedErrors());
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        var err = command.getErr();
        err.println("ving " + String.join(" ", parsed.originalArgs()) + " failed unexpectedly: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if ("yes".equals(System.getenv(STACKTRACE_VARIABLE))) {
            e.printStackTrace(err);
        } else {
            err.println("This is a bug in ving; please report it with the command you ran. " + STACKTRACE_VARIABLE
                    + "=yes prints where it happened.");
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
