package dev.shenava.api;

import dev.shenava.nlp.Brand;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration: environment variables and system properties, then the user's file, then the
 * defaults on the class path ({@code application.yaml}); the first source that has a key wins.
 */
final class ShenavaConfig {

    private ShenavaConfig() {
    }

    /**
     * Loads the configuration.
     *
     * @param file the user's YAML file, if any
     * @return the merged configuration
     */
    static Config load(Optional<Path> file) {
        file.ifPresent(f -> {
            if (!Files.isReadable(f)) {
                throw new IllegalArgumentException("configuration file " + f + " does not exist or cannot be read");
            }
        });
        Config.Builder b = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.environmentVariables())
                .addSource(ConfigSources.systemProperties());
        file.ifPresent(f -> b.addSource(ConfigSources.file(f)));
        b.addSource(ConfigSources.classpath("application.yaml"));
        return b.build();
    }

    /**
     * The configured brands (the {@code brands} list).
     *
     * @param config the root configuration
     * @return the brands
     */
    static List<Brand> brands(Config config) {
        List<Brand> brands = new ArrayList<>();
        for (Config b : config.get("brands").asNodeList().orElse(List.of())) {
            brands.add(new Brand(b.get("id").asString().orElse(null), b.get("name").asString().orElse(null),
                    b.get("terms").asList(String.class).orElse(List.of()),
                    b.get("excludes").asList(String.class).orElse(List.of()),
                    b.get("competitors").asList(String.class).orElse(List.of())));
        }
        return brands;
    }

    /**
     * The advanced queries of the configured brands (each brand's optional {@code query}).
     *
     * @param config the root configuration
     * @return query text by brand id
     */
    static Map<String, String> brandQueries(Config config) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Config b : config.get("brands").asNodeList().orElse(List.of())) {
            b.get("query").asString().filter(q -> !q.isBlank())
                    .ifPresent(q -> queries.put(b.get("id").asString().orElse(""), q.strip()));
        }
        return queries;
    }
}
