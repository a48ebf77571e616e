package dev.shenava.store;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code store} configuration subtree.
 *
 * @param url            external cluster URL; empty to run the embedded node
 * @param dataDir        where the embedded node and the journal live
 * @param port           HTTP port of the embedded node on 127.0.0.1
 * @param heap           heap of the embedded node, e.g. {@code 512m}
 * @param startTimeout   how long to wait for the embedded node to answer
 * @param apiKeyEnv      name of the environment variable holding an API key for {@code url}
 * @param usernameEnv    name of the environment variable holding a user name for {@code url}
 * @param passwordEnv    name of the environment variable holding that user's password
 * @param caCertificate  PEM file of the CA that signed the cluster's certificate, if not a public one
 * @param index          alias of the mention index ({@code shenava-mentions}); other indices share its prefix
 */
public record StoreConfig(Optional<String> url,
                          Path dataDir,
                          int port,
                          String heap,
                          Duration startTimeout,
                          String apiKeyEnv,
                          String usernameEnv,
                          String passwordEnv,
                          Optional<Path> caCertificate,
                          String index) {

    /** Default alias of the mention index. */
    public static final String DEFAULT_INDEX = "shenava-mentions";

    public StoreConfig {
        url = url.filter(u -> !u.isBlank());
        if (port < 0 || port > 65535) {
            throw new StoreException("store.port must be 0-65535, was " + port);
        }
        if (index == null || !index.matches("[a-z0-9][a-z0-9_.-]*-mentions")) {
            throw new StoreException("store.index must be lower-case and end in '-mentions', was '" + index + "'");
        }
    }

    /**
     * Reads the {@code store} subtree.
     *
     * @param store the {@code store} node
     * @return the configuration
     */
    public static StoreConfig create(Config store) {
        return new StoreConfig(
                store.get("url").asString().asOptional(),
                store.get("data-dir").asString().map(Path::of).orElseGet(StoreConfig::defaultDataDir),
                store.get("port").asInt().orElse(9200),
                store.get("heap").asString().orElse("1g"),
                Duration.ofSeconds(store.get("start-timeout-seconds").asInt().orElse(120)),
                store.get("api-key-env").asString().orElse("SHENAVA_ES_API_KEY"),
                store.get("username-env").asString().orElse("SHENAVA_ES_USERNAME"),
                store.get("password-env").asString().orElse("SHENAVA_ES_PASSWORD"),
                store.get("ca-certificate").asString().asOptional().map(Path::of),
                store.get("index").asString().orElse(DEFAULT_INDEX));
    }

    /**
     * The defaults: embedded node on port 9200 under {@link #defaultDataDir()}.
     *
     * @return the configuration
     */
    public static StoreConfig defaults() {
        return create(Config.empty());
    }

    /**
     * Returns a copy that keeps its data under another directory.
     *
     * @param dir the data directory
     * @return the copy
     */
    public StoreConfig withDataDir(Path dir) {
        return new StoreConfig(url, dir, port, heap, startTimeout, apiKeyEnv, usernameEnv, passwordEnv, caCertificate, index);
    }

    /**
     * The data folder when none is configured: {@code /var/lib/shenava} for root (whose home the node's
     * own user cannot enter), else {@code $XDG_DATA_HOME/shenava} or {@code ~/.local/share/shenava}.
     *
     * @return the folder
     */
    public static Path defaultDataDir() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/shenava");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "shenava");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "shenava");
    }
}
