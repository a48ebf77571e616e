package dev.shenava.api;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code shenava start}: the store (embedded Elasticsearch unless {@code store.url} is set), the
 * journal, the ingest pipeline and the HTTP service, until interrupted.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Starts the service: store, ingest pipeline, HTTP API and dashboards (default http://127.0.0.1:8080).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration overlaying the defaults")
    private Path config;

    @Option(names = "--demo", description = "also load the demo brands and about 3,000 demo mentions (idempotent)")
    private boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        LogConfig.configureRuntime();
        Config settings = ShenavaConfig.load(Optional.ofNullable(config));
        // Refuse an open API beyond loopback before starting anything.
        ApiAccess.create(settings.get("api"), settings.get("server.host").asString().orElse("127.0.0.1"));
        ShenavaRuntime runtime = ShenavaRuntime.open(settings, ShenavaServer::warmUp);
        WebServer server;
        try {
            server = ShenavaServer.start(runtime);
        } catch (RuntimeException e) {
            runtime.close(); // the embedded node and the journal, which no shutdown hook holds yet
            throw e;
        }
        CrawlService crawl = CrawlService.create(runtime);
        if (CrawlService.enabled(runtime.config())) {
            crawl.start();
            runtime.onSourcesChanged(crawl::reload);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            crawl.close();
            server.stop();
            runtime.close();
            stopped.countDown();
        }, "shenava-stop"));
        Thread.ofVirtual().name("shenava-brand-reload").start(() -> {
            while (stopped.getCount() > 0) {
                try {
                    Thread.sleep(java.time.Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    return;
                }
                runtime.reloadBrands();
            }
        });
        if (demo) {
            Thread.ofVirtual().name("shenava-demo").start(() -> DemoLoader.load(runtime));
        }
        stopped.await();
        return 0;
    }
}
