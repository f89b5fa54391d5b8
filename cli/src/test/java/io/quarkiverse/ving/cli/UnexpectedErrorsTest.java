package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An exception no command expected: one line and exit status 70, no stack trace. */
class UnexpectedErrorsTest {

    @Command(name = "broken")
    static class Broken implements Callable<Integer> {
        @CommandLine.Option(names = "--flag")
        boolean flag;

        @Override
        public Integer call() {
            throw new IllegalStateException("an invariant does not hold");
        }
    }

    @Test
    void printsOneLineAndExits70() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Broken()).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(new UnexpectedErrors());
        assertEquals(ExitCodes.INTERNAL_ERROR, command.execute("--flag"));
        assertEquals("ving --flag failed unexpectedly: IllegalStateException: an invariant does not hold\n"
                + "This is a bug in ving; please report it with the command you ran. VING_STACKTRACE=yes prints where it happened.\n",
                err.toString());
    }
}
