package dev.shenava.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import dev.shenava.store.TestElasticsearch;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Assumptions;

/**
 * The server the browser tests talk to: the real Shenava service started in this JVM on the shared test
 * Elasticsearch node, with the demo data loaded as {@code ./shenava start --demo} loads it. With
 * {@code -Dshenava.it.url=http://host:port} the tests check an already running server instead.
 */
final class DashboardServer implements AutoCloseable {

    private final String baseUrl;
    private final Optional<WebServer> server;
    private final Optional<ShenavaRuntime> runtime;
    private final Optional<Path> dataDir;
    private final Map<String, String> settings;

    private DashboardServer(String baseUrl, WebServer server, ShenavaRuntime runtime, Path dataDir,
                            Map<String, String> settings) {
        this.baseUrl = baseUrl;
        this.server = Optional.ofNullable(server);
        this.runtime = Optional.ofNullable(runtime);
        this.dataDir = Optional.ofNullable(dataDir);
        this.settings = Map.copyOf(settings);
    }

    /** Starts the service with the demo data, or points at the running server given by the system property. */
    static DashboardServer start() {
        String url = System.getProperty("shenava.it.url", "");
        if (!url.isBlank()) {
            return new DashboardServer(url.replaceAll("/+$", ""), null, null, null, Map.of());
        }
        try {
            Path dataDir = Files.createTempDirectory("shenava-dashboard-it");
            Map<String, String> settings = Map.of(
                    "server.host", "127.0.0.1",
                    "server.port", "0",
                    "store.index", TestElasticsearch.uniqueIndex("dashboards") + "-mentions",
                    "store.data-dir", dataDir.toString());
            ShenavaRuntime runtime = runtime(settings);
            int loaded = DemoLoader.load(runtime);
            if (loaded == 0 || !runtime.journal().awaitDrained(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the demo data did not reach Elasticsearch (" + loaded + " mentions, "
                        + runtime.journal().pending() + " pending, last error " + runtime.journal().lastError() + ")");
            }
            runtime.store().mentions().refresh();
            WebServer server = ShenavaServer.start(runtime);
            return new DashboardServer("http://127.0.0.1:" + server.port(), server, runtime, dataDir, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data folder for the test server", e);
        }
    }

    /**
     * A second server over the same indices with more configuration, e.g. {@code api.keys.0.key}.
     *
     * @param extra configuration keys and values
     * @return the started server; close it after use
     */
    DashboardServer with(Map<String, String> extra) {
        Assumptions.assumeFalse(settings.isEmpty(), "a server given by shenava.it.url cannot be reconfigured");
        Map<String, String> more = new HashMap<>(settings);
        more.putAll(extra);
        ShenavaRuntime second = runtime(more);
        WebServer started = ShenavaServer.start(second);
        return new DashboardServer("http://127.0.0.1:" + started.port(), started, second, null, more);
    }

    private static ShenavaRuntime runtime(Map<String, String> settings) {
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(settings))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        return ShenavaRuntime.of(config, Store.of(StoreConfig.create(config.get("store")), TestElasticsearch.client()));
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        server.ifPresent(WebServer::stop);
        runtime.ifPresent(ShenavaRuntime::close);
        dataDir.ifPresent(dir -> {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary folder is harmless.
            }
        });
    }
}
