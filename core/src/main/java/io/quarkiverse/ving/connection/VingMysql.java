package io.quarkiverse.ving.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ving's one connection setting, {@code VING_MYSQL=mysql://user:pass@host:port/db?log=yes}, parsed. Errors name the
 * variable and what is wrong, never the password.
 *
 * @param user the user name
 * @param password the password, possibly empty
 * @param host the server's host
 * @param port the server's port, 3306 by default
 * @param database the database
 * @param log whether every statement is logged ({@code ?log=yes})
 */
public record VingMysql(String user, String password, String host, int port, String database, boolean log) {

    /** The environment variable ving reads. */
    public static final String VARIABLE = "VING_MYSQL";

    /** java.util.logging, which needs no library here; Quarkus routes it to its own log. */
    private static final Logger LOG = Logger.getLogger(VingMysql.class.getName());
    private static final int DEFAULT_PORT = 3306;
    private static final int MAX_PORT = 65_535;

    /**
     * The database names both drivers' URLs carry as they are: ASCII letters, digits, _ and - (the Vert.x client's
     * URL parser refuses letters beyond ASCII and $, and neither URL form escapes ? or /); at most 64 characters, MySQL's
     * limit.
     */
    private static final java.util.regex.Pattern DATABASE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    /**
     * The setting as the configuration holds it (environment, system property, {@code .env}), parsed; empty when it is
     * not set, an IllegalArgumentException naming what is wrong when it is malformed.
     *
     * @param configured the value the caller's configuration gives, if any
     */
    public static Optional<VingMysql> from(Optional<String> configured) {
        String environment = System.getenv(VARIABLE);
        if (environment != null && environment.isBlank()) {
            // a configuration reads an empty value as unset, which would quietly pick another database
            throw invalid("it is set but empty; set it as mysql://user:password@host:3306/database, or unset it");
        }
        return configured.map(VingMysql::parse);
    }

    /** The setting of a process outside Quarkus: the system property, else the environment variable. */
    public static Optional<VingMysql> fromEnvironment() {
        return from(Optional.ofNullable(System.getProperty(VARIABLE)).or(() -> Optional.ofNullable(System.getenv(VARIABLE))));
    }

    /** The error of a caller that cannot go on without the setting: it says what to set. */
    public static IllegalArgumentException notSet() {
        return new IllegalArgumentException(VARIABLE + " is not set. Set it to the database, e.g. " + VARIABLE
                + "=mysql://user:password@127.0.0.1:3306/app");
    }

    public static VingMysql parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("it is empty; set it as mysql://user:password@host:3306/database");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL (" + e.getReason() + " at character " + e.getIndex()
                    + "); write it as mysql://user:password@host:3306/database, with special characters of the password %-encoded");
        }
        if (!"mysql".equals(uri.getScheme()) && !"mariadb".equals(uri.getScheme())) {
            throw invalid("its scheme is " + (uri.getScheme() == null ? "missing" : "'" + uri.getScheme() + "'")
                    + "; it must start with mysql://");
        }
        if (uri.getHost() == null) {
            throw invalid(whyNoHost(uri.getRawAuthority()));
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw invalid("its port " + uri.getPort() + " is not a TCP port (1 to " + MAX_PORT + ")");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isEmpty() || database.contains("/")) {
            throw invalid("it names no database; add it after the host: mysql://user:password@" + uri.getHost() + "/database");
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw invalid("the database name '" + database + "' holds characters ving does not pass to the drivers; name a"
                    + " database of at most 64 ASCII letters, digits, _ and -");
        }
        String user = "";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        if (user.isEmpty()) {
            throw invalid("it names no user; write it as mysql://user:password@" + uri.getHost() + "/" + database);
        }
        Map<String, String> options = query(uri.getRawQuery());
        String log = options.getOrDefault("log", "no");
        if (!log.equals("yes") && !log.equals("no")) {
            throw invalid("log must be yes or no, not '" + log + "'");
        }
        VingMysql setting = new VingMysql(user, password, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database, log.equals("yes"));
        LOG.log(Level.FINE, "Parsed VING_MYSQL: {0}", setting);
        return setting;
    }

    /**
     * Why {@link URI} found no host: it reads an authority it cannot split into user, host and port (a port that is not a
     * number, a stray character) as no host at all.
     */
    private static String whyNoHost(String authority) {
        if (authority == null || authority.isEmpty()) {
            return "it names no host; write it as mysql://user:password@host:3306/database";
        }
        if (authority.indexOf('@') < 0) { // user:password without @host looks like host:port; never echo it
            return "it names no host, or no valid one; write it as mysql://user:password@host:3306/database";
        }
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        if (colon >= 0 && !hostAndPort.endsWith("]")) {
            String port = hostAndPort.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                return "its port '" + port + "' is not a number; write it as mysql://user:password@host:3306/database";
            }
        }
        return "its host '" + hostAndPort + "' is not a host name or IP address (special characters of the user or password"
                + " must be %-encoded); write it as mysql://user:password@host:3306/database";
    }

    /** The JDBC URL of MariaDB Connector/J, allowing several statements per call as ving's own connection does. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database + "?allowMultiQueries=true";
    }

    /** The URL of the Vert.x reactive MySQL client (credentials travel as their own settings). */
    public String reactiveUrl() {
        return "mysql://" + host + ":" + port + "/" + database;
    }

    /** The setting as {@code VING_MYSQL} writes it, password included: what {@link #parse} reads back as this. */
    public String url() {
        return "mysql://" + encode(user) + (password.isEmpty() ? "" : ":" + encode(password)) + "@"
                + host + ":" + port + "/" + database + (log ? "?log=yes" : "");
    }

    /** The setting without its password, for messages and logs. */
    @Override
    public String toString() {
        return "mysql://" + user + (password.isEmpty() ? "" : ":***") + "@" + host + ":" + port + "/" + database
                + (log ? "?log=yes" : "");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                options.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return options;
    }

    /** %-encoding that {@link #decode} reads back: a space as %20, as decode reads + as itself. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException(VARIABLE + " is not a valid connection URL: " + what + ".");
    }
}
