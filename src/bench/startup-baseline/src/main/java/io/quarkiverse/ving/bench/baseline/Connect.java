package io.quarkiverse.ving.bench.baseline;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import picocli.CommandLine.Command;

/**
 * `baseline connect`: the bare command plus one connection to the database VING_MYSQL names and one query, the
 * allowance `ving drizzle --status` is measured against.
 */
@Command(name = "connect")
public class Connect implements Runnable {

    @Override
    public void run() {
        URI url = URI.create(System.getenv("VING_MYSQL"));
        String[] credentials = url.getUserInfo() == null ? new String[] { "root" } : url.getUserInfo().split(":", 2);
        String jdbc = "jdbc:mariadb://" + url.getHost() + ":" + (url.getPort() < 0 ? 3306 : url.getPort())
                + url.getPath();
        try (Connection connection = DriverManager.getConnection(jdbc, credentials[0],
                credentials.length > 1 ? credentials[1] : null);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
        } catch (SQLException e) {
            throw new IllegalStateException("baseline connect: " + e.getMessage(), e);
        }
    }
}
