package io.quarkiverse.ving.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image as one of our Dockerfiles describes it, laid out in a directory without a container engine: the
 * COPY lines copy files from the build context into a stand-in for the image's root, and the ENTRYPOINT runs there
 * with the image's environment. Understands the instructions our Dockerfiles use (FROM, ARG, ENV, COPY, USER,
 * WORKDIR, ENTRYPOINT in JSON form) and refuses any other, so the Dockerfile cannot outgrow this stand-in unseen.
 */
final class ContainerImage {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    private final Path root;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String workdir = "/";
    private List<String> entrypoint = List.of();

    private ContainerImage(Path root) {
        this.root = root;
    }

    /** Builds the image of this Dockerfile from this context into an empty directory. */
    static ContainerImage build(Path dockerfile, Path context, Path emptyRoot) throws IOException {
        ContainerImage image = new ContainerImage(emptyRoot);
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String instruction : instructions(dockerfile)) {
            String[] parts = instruction.split("\\s+", 2);
            String rest = parts.length > 1 ? parts[1] : "";
            switch (parts[0].toUpperCase()) {
                case "FROM", "USER" -> {
                    // the base image's own files are not needed: the test provides java on PATH
                }
                case "ARG" -> {
                    String[] pair = rest.split("=", 2);
                    arguments.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
                case "ENV" -> {
                    String[] pair = rest.split("=", 2);
                    image.environment.put(pair[0], substitute(pair[1], arguments));
                }
                case "WORKDIR" -> image.workdir = substitute(rest, arguments);
                case "COPY" -> image.copy(substitute(rest, arguments), context);
                case "ENTRYPOINT" -> image.entrypoint = jsonArray(rest);
                default -> throw new IllegalArgumentException(dockerfile + ": this test cannot lay out " + parts[0]);
            }
        }
        return image;
    }

    /** Runs the entrypoint in the image's working directory with the image's environment plus these variables only. */
    Process run(Map<String, String> variables) throws IOException {
        List<String> command = new ArrayList<>();
        for (String argument : entrypoint) {
            command.add(argument.startsWith("/") ? inImage(argument).toString() : argument);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(inImage(workdir).toFile()).redirectErrorStream(true);
        builder.environment().clear();
        // the base image's java, on its PATH
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin").toString());
        builder.environment().putAll(environment);
        builder.environment().putAll(variables);
        return builder.start();
    }

    Path inImage(String absolutePath) {
        return root.resolve(absolutePath.substring(1));
    }

    private void copy(String arguments, Path context) throws IOException {
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        words.removeIf(word -> word.startsWith("--"));
        String destination = words.remove(words.size() - 1);
        for (String source : words) {
            for (Path from : matches(context, source)) {
                Path to = inImage(destination);
                if (Files.isDirectory(from)) {
                    FileTrees.copy(from, to);
                } else {
                    Path target = destination.endsWith("/") ? to.resolve(from.getFileName()) : to;
                    Files.createDirectories(target.getParent());
                    Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The files a COPY source names: a path, or a file name pattern with * in its last segment. */
    private static List<Path> matches(Path context, String source) throws IOException {
        Path path = context.resolve(source);
        String name = path.getFileName().toString();
        if (!name.contains("*")) {
            if (!Files.exists(path)) {
                throw new IOException("COPY source " + source + " is missing from the build context " + context);
            }
            return List.of(path);
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent(), name)) {
            files.forEach(found::add);
        }
        if (found.isEmpty()) {
            throw new IOException("COPY source " + source + " matches nothing in the build context " + context);
        }
        return found;
    }

    /** The Dockerfile's instructions, continuation lines joined and comments left out. */
    private static List<String> instructions(Path dockerfile) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().strip());
            current.setLength(0);
        }
        return instructions;
    }

    private static String substitute(String text, Map<String, String> arguments) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            variable.appendReplacement(out, Matcher.quoteReplacement(arguments.getOrDefault(name, "")));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static List<String> jsonArray(String text) {
        String inner = text.strip();
        if (!inner.startsWith("[") || !inner.endsWith("]")) {
            throw new IllegalArgumentException("ENTRYPOINT must be in JSON form: " + text);
        }
        List<String> elements = new ArrayList<>();
        Matcher element = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(inner);
        while (element.find()) {
            elements.add(element.group(1));
        }
        return elements;
    }
}
