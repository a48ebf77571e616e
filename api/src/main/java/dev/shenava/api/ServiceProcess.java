package dev.shenava.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real service ({@code shenava start --config FILE}, as the launcher runs it) in a child JVM on this
 * JVM's class path, for the fault cases that kill the whole service with -9 and start it again on the same
 * configuration, data folder and port. Its output goes to a log file next to the configuration.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(Path config, Path log, int port) {
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /**
     * Writes a configuration around the given YAML body (server port and host are added) and starts the
     * service on it.
     *
     * @param dir   folder for the configuration file and the log
     * @param yaml  the rest of the configuration (store, brands, alerts, crawler, sources)
     * @param ready how long to wait for the service to answer its health check
     * @return the running service
     */
    static ServiceProcess start(Path dir, String yaml, Duration ready) {
        try {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path config = dir.resolve("shenava.yaml");
            Files.writeString(config, "server:\n  host: 127.0.0.1\n  port: " + port + "\n" + yaml);
            ServiceProcess service = new ServiceProcess(config, dir.resolve("service.log"), port);
            service.restart(ready);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the service: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the service again (after {@link #kill()}) and waits until it answers.
     *
     * @param ready how long to wait at most
     */
    void restart(Duration ready) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the service is still running");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "start", "--config", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the service: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + ready.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " before answering:\n"
                        + tail());
            }
            try {
                if (get("/observe/health").statusCode() > 0) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            FaultSuite.pause(Duration.ofMillis(250));
        }
        kill();
        throw new IllegalStateException("the service did not answer within " + ready.toSeconds() + " s:\n" + tail());
    }

    /** Kills the service with SIGKILL (no shutdown hook runs) and waits until it is gone. */
    void kill() {
        if (process != null) {
            process.destroyForcibly().onExit().join();
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Posts and insists on a 2xx answer. */
    String postOk(String path, String contentType, String body) {
        try {
            HttpResponse<String> r = post(path, contentType, body);
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @return the log's lines that contain the text, from every start so far */
    List<String> logLines(String containing) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(containing)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @return the last lines of the service's log */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }
}
