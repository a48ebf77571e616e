package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One real Elasticsearch node per test JVM, started on first use on a free port and stopped at exit.
 * Tests in store, alerts and api share it; each test class uses its own {@link #uniqueIndex(String)}.
 * Set {@code -Dshenava.test.elasticsearch.url=http://...} to use a running node instead.
 */
public final class TestElasticsearch {

    private static EmbeddedElasticsearch node;
    private static ElasticsearchClient client;
    private static String url;

    private TestElasticsearch() {
    }

    /**
     * The shared client.
     *
     * @return the client (do not close it)
     */
    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            client = ElasticsearchClients.create(url());
        }
        return client;
    }

    /**
     * The node's URL, starting it on first use.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public static synchronized String url() {
        if (url == null) {
            String external = System.getProperty("shenava.test.elasticsearch.url");
            url = external != null && !external.isBlank() ? external : startNode().url();
        }
        return url;
    }

    /**
     * The embedded node, for tests that stop or kill it; empty-handed tests use {@link #client()}.
     *
     * @return the node
     * @throws IllegalStateException when the tests run against an external node
     */
    public static synchronized EmbeddedElasticsearch node() {
        url();
        if (node == null) {
            throw new IllegalStateException("tests run against an external node; this test needs the embedded one");
        }
        return node;
    }

    /**
     * A fresh lower-case index name for one test class or test.
     *
     * @param prefix what the index is for
     * @return {@code <prefix>-<random hex>}
     */
    public static String uniqueIndex(String prefix) {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return prefix.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(b);
    }

    private static EmbeddedElasticsearch startNode() {
        try {
            Path install = Path.of(System.getProperty("java.io.tmpdir"),
                    "shenava-test-elasticsearch-" + ElasticsearchDistribution.version());
            Path nodeDir = Files.createTempDirectory("shenava-test-es-node");
            node = EmbeddedElasticsearch.create(install, nodeDir.resolve("node"), 0, "512m", Duration.ofMinutes(3)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (client != null) {
                    try {
                        client.close();
                    } catch (IOException ignored) {
                        // closing at exit
                    }
                }
                node.stop();
                ElasticsearchDistribution.deleteTreeQuietly(nodeDir);
            }, "shenava-test-elasticsearch-stop"));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp folder for the test node", e);
        }
    }
}
