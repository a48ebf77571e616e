package dev.shenava.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import dev.shenava.store.TestElasticsearch;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

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

    private DashboardServer(String baseUrl, WebServer server, ShenavaRuntime runtime, Path dataDir) {
        this.baseUrl = baseUrl;
        this.server = Optional.ofNullable(server);
        this.runtime = Optional.ofNullable(runtime);
        this.dataDir = Optional.ofNullable(dataDir);
    }

    /** Starts the service with the demo data, or points at the running server given by the system property. */
    static DashboardServer start() {
        String url = System.getProperty("shenava.it.url", "");
        if (!url.isBlank()) {
            return new DashboardServer(url.replaceAll("/+$", ""), null, null, null);
        }
        return startWithDemoData(Map.of());
    }

    /**
     * Starts the service in this JVM with fresh indices and the demo data.
     *
     * @param extra more configuration, e.g. API keys
     */
    static DashboardServer startWithDemoData(Map<String, String> extra) {
        try {
            Path dataDir = Files.createTempDirectory("shenava-dashboard-it");
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "server.host", "127.0.0.1",
                    "server.port", "0",
                    "store.index", TestElasticsearch.uniqueIndex("dashboards") + "-mentions",
                    "store.data-dir", dataDir.toString()));
            settings.putAll(extra);
            Config config = Config.builder()
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .addSource(ConfigSources.create(settings))
                    .addSource(ConfigSources.classpath("application.yaml"))
                    .build();
            Store store = Store.of(StoreConfig.create(config.get("store")), TestElasticsearch.client());
            ShenavaRuntime runtime = ShenavaRuntime.of(config, store);
            int loaded = DemoLoader.load(runtime);
            if (loaded == 0 || !runtime.journal().awaitDrained(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the demo data did not reach Elasticsearch (" + loaded + " mentions, "
                        + runtime.journal().pending() + " pending, last error " + runtime.journal().lastError() + ")");
            }
            store.mentions().refresh();
            WebServer server = ShenavaServer.start(runtime);
            return new DashboardServer("http://127.0.0.1:" + server.port(), server, runtime, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data folder for the test server", e);
        }
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
