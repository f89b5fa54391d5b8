package io.quarkiverse.ving.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.ving.connection.VingMysql;
import io.quarkiverse.ving.embedded.EmbeddedMariaDb;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem.RunningDevService;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * ving's dev service: in dev mode and tests, when no database is configured, an embedded MariaDB under
 * {@code target/} (data kept between runs), given to the application as {@code VING_MYSQL} and the datasource keys.
 * One server per dev session, kept across hot reloads; never in production.
 */
public class VingDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(VingDevServicesProcessor.class);
    static final String DATABASE = "ving";
    /** The settings that name a database: any one of them, and ving starts nothing. */
    static final List<String> DATABASE_SETTINGS = List.of(VingMysql.VARIABLE, "quarkus.datasource.jdbc.url",
            "quarkus.datasource.reactive.url");

    private static volatile RunningDevService running;

    @BuildStep(onlyIfNot = IsNormal.class)
    DevServicesResultBuildItem embeddedMariaDb(VingBuildTimeConfig config, LaunchModeBuildItem launchMode,
            OutputTargetBuildItem output, CuratedApplicationShutdownBuildItem shutdown) {
        if (!config.devservices().enabled() || configuredDatabase(ConfigProvider.getConfig()) != null) {
            stop();
            return null;
        }
        if (running != null) {
            return running.toBuildItem(); // a hot reload: the same server
        }
        boolean test = launchMode.getLaunchMode() == LaunchMode.TEST;
        Path directory = output.getOutputDirectory().resolve(test ? "ving-test-mariadb" : "ving-dev-mariadb");
        EmbeddedMariaDb server = EmbeddedMariaDb.startOrJoin(directory, DATABASE);
        VingMysql database = new VingMysql(EmbeddedMariaDb.USER, "", EmbeddedMariaDb.HOST, server.port(), DATABASE, false);
        LOG.infof("No database configured: ving started an embedded MariaDB in %s, VING_MYSQL=%s", directory, database.url());
        running = new RunningDevService("ving-embedded-mariadb", null, server::close, settings(database));
        shutdown.addCloseTask(VingDevServicesProcessor::stop, true);
        return running.toBuildItem();
    }

    /** The first setting that names a database, or null. */
    static String configuredDatabase(Config config) {
        return DATABASE_SETTINGS.stream().filter(key -> config.getOptionalValue(key, String.class).isPresent())
                .findFirst().orElse(null);
    }

    /** VING_MYSQL and the datasource keys it stands for, which the application's configuration factory derives too late here. */
    private static Map<String, String> settings(VingMysql database) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(VingMysql.VARIABLE, database.url());
        settings.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        settings.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        settings.put("quarkus.datasource.username", database.user());
        return settings;
    }

    private static void stop() {
        RunningDevService service = running;
        running = null;
        if (service != null) {
            try {
                service.close();
            } catch (java.io.IOException e) {
                LOG.warnf("Stopping the embedded MariaDB failed: %s", e.getMessage());
            }
        }
    }
}
