package dev.shenava.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link CrawlWorker} as a child JVM from this JVM's own classpath and waits until it polls. */
final class WorkerProcess {

    private WorkerProcess() {
    }

    static Process start(String esUrl, String index, Path data, String feedUrl) {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Files.createDirectories(data);
            Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), CrawlWorker.class.getName(),
                    esUrl, index, data.toString(), feedUrl))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("ready")) {
                    Thread.ofVirtual().start(() -> drain(out));
                    return p;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the crawl worker exited before polling:\n" + seen);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the crawl worker: " + e.getMessage(), e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe empty so the worker never blocks on its own logging
            }
        } catch (IOException ignored) {
            // the worker was killed
        }
    }
}
