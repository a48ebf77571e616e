package dev.shenava.api;

import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import dev.shenava.store.TestElasticsearch;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Path;
import java.util.Map;

/** Runtimes over the shared test node, each with its own indices and journal folder. */
final class TestRuntimes {

    private TestRuntimes() {
    }

    static ShenavaRuntime create(Path dataDir, Map<String, String> settings) {
        return create(dataDir, settings, "{}");
    }

    /**
     * A runtime whose configuration has YAML over the settings over application.yaml (lists, such as sources, can
     * only be given in YAML).
     */
    static ShenavaRuntime create(Path dataDir, Map<String, String> settings, String yaml) {
        Config config = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(yaml, io.helidon.common.media.type.MediaTypes.APPLICATION_YAML))
                .addSource(ConfigSources.create(settings))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        StoreConfig store = StoreConfig.create(Config.create(ConfigSources.create(Map.of(
                "index", TestElasticsearch.uniqueIndex("api") + "-mentions")))).withDataDir(dataDir);
        return ShenavaRuntime.of(config, Store.of(store, TestElasticsearch.client()));
    }
}
