package io.quarkiverse.ving.cli;

/**
 * Colour for what the commands print, only when a person reads it: on a terminal, unless {@code NO_COLOR} is set or
 * {@code TERM} is {@code dumb}. Pipes, files, CI logs and {@code --json} get plain text.
 */
final class Colours {

    private static final String RESET = "\u001B[0m";

    private final boolean enabled;

    private Colours(boolean enabled) {
        this.enabled = enabled;
    }

    static Colours forTerminal() {
        boolean terminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        return new Colours(terminal && (noColor == null || noColor.isEmpty()) && !dumb);
    }

    static Colours none() {
        return new Colours(false);
    }

    String green(String text) {
        return paint("32", text);
    }

    String yellow(String text) {
        return paint("33", text);
    }

    String red(String text) {
        return paint("31", text);
    }

    private String paint(String code, String text) {
        return enabled ? "\u001B[" + code + "m" + text + RESET : text;
    }
}
