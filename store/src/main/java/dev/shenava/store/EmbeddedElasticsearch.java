package dev.shenava.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A single Elasticsearch node run by Shenava on 127.0.0.1 from the distribution the build fetched.
 * As root it runs the node as the system user {@code shenava}. A node left running by a crashed start
 * (its pid file names a live process and the port answers with our cluster name) is adopted; a node
 * another live Shenava process runs from the same folder (an {@code import} beside {@code start}) is
 * used as a guest and left running.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    /** The cluster name our nodes use; a node answering with another name is not ours. */
    public static final String CLUSTER_NAME = "shenava-embedded";

    private static final System.Logger LOG = System.getLogger(EmbeddedElasticsearch.class.getName());
    private static final long MIN_FREE_BYTES = 1L << 30;

    private final Path installDir;
    private final Path nodeDir;
    private final String heap;
    private final Duration startTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;
    private Process launcher;
    private Thread shutdownHook;
    private FileChannel ownerChannel;
    private FileLock ownerLock;
    private boolean guest;

    private EmbeddedElasticsearch(Path installDir, Path nodeDir, int port, String heap, Duration startTimeout) {
        this.installDir = installDir.toAbsolutePath();
        this.nodeDir = nodeDir.toAbsolutePath();
        this.port = port;
        this.heap = heap;
        this.startTimeout = startTimeout;
    }

    /**
     * A node under the configured data folder ({@code <data-dir>/elasticsearch-<version>} and {@code <data-dir>/node}).
     *
     * @param config the store configuration
     * @return the node, not started
     */
    public static EmbeddedElasticsearch create(StoreConfig config) {
        Path data = config.dataDir();
        return new EmbeddedElasticsearch(data.resolve("elasticsearch-" + ElasticsearchDistribution.version()),
                data.resolve("node"), config.port(), config.heap(), config.startTimeout());
    }

    /**
     * A node with its own folders.
     *
     * @param installDir   where the distribution is (or gets) unpacked; may be shared by several nodes
     * @param nodeDir      the node's config, data, logs and pid file
     * @param port         HTTP port on 127.0.0.1, {@code 0} for any free port
     * @param heap         heap size such as {@code 512m}
     * @param startTimeout how long to wait for it to answer
     * @return the node, not started
     */
    public static EmbeddedElasticsearch create(Path installDir, Path nodeDir, int port, String heap, Duration startTimeout) {
        return new EmbeddedElasticsearch(installDir, nodeDir, port, heap, startTimeout);
    }

    /**
     * Starts the node, or adopts the one a previous run left running, and waits until it answers.
     *
     * @return this node
     */
    public synchronized EmbeddedElasticsearch start() {
        prepareFolders();
        if (!lockOwnership()) {
            if (port != 0 && ourClusterAnswers()) {
                guest = true;
                LOG.log(System.Logger.Level.INFO, "using the Elasticsearch node another Shenava process runs on port {0}",
                        String.valueOf(port));
                return this;
            }
            throw new StoreException("another Shenava process is running or starting the Elasticsearch node in "
                    + nodeDir + "; wait for it or stop it, or set store.data-dir to another folder");
        }
        Optional<ProcessHandle> left = leftRunning();
        if (left.isPresent() && port != 0 && ourClusterAnswers()) {
            LOG.log(System.Logger.Level.INFO, "reusing the Elasticsearch node (pid {0}) left running on port {1}",
                    left.get().pid(), String.valueOf(port));
            registerShutdownHook();
            return this;
        }
        left.ifPresent(p -> terminate(p, Duration.ofSeconds(20)));
        choosePort();
        ElasticsearchDistribution.unpack(installDir);
        writeConfig();
        launch();
        registerShutdownHook();
        awaitHealth();
        return this;
    }

    /** @return where the distribution is unpacked */
    public Path installDir() {
        return installDir;
    }

    /** @return the node's own folder: config, data, logs, pid file */
    public Path nodeDir() {
        return nodeDir;
    }

    /**
     * The node's HTTP address.
     *
     * @return e.g. {@code http://127.0.0.1:9200}
     */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The node's HTTP port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Whether the node process is alive.
     *
     * @return {@code true} while it runs
     */
    public boolean running() {
        return serverProcess().map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Kills the node with SIGKILL, as a crash would. For failure tests; use {@link #stop()} otherwise.
     */
    public synchronized void kill() {
        serverProcess().ifPresent(ProcessHandle::destroyForcibly);
        serverProcess().ifPresent(p -> p.onExit().join());
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            launcher.onExit().join();
        }
    }

    /**
     * Stops the node and every process it started; waits for it to exit.
     */
    public synchronized void stop() {
        if (guest) {
            return;
        }
        serverProcess().ifPresent(p -> terminate(p, Duration.ofSeconds(30)));
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            terminate(launcher.toHandle(), Duration.ofSeconds(5));
            launcher = null;
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // the node removes it itself on a clean stop
        }
        releaseOwnership();
    }

    /**
     * Whether this process runs the node (or adopted it) rather than using one another Shenava process runs.
     *
     * @return {@code false} for a guest, which never stops the node
     */
    public boolean owner() {
        return !guest;
    }

    /** Only one process at a time runs a node folder; the lock goes away with a crashed process. */
    private boolean lockOwnership() {
        if (ownerLock != null) {
            return true;
        }
        try {
            ownerChannel = FileChannel.open(nodeDir.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ownerLock = ownerChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            ownerLock = null;
        } catch (IOException e) {
            throw new StoreException("cannot lock " + nodeDir.resolve("owner.lock") + ": " + e.getMessage()
                    + "; set store.data-dir to a writable folder", e);
        }
        if (ownerLock == null) {
            releaseOwnership();
            return false;
        }
        return true;
    }

    private void releaseOwnership() {
        try {
            if (ownerLock != null) {
                ownerLock.release();
            }
            if (ownerChannel != null) {
                ownerChannel.close();
            }
        } catch (IOException ignored) {
            // released with the process anyway
        }
        ownerLock = null;
        ownerChannel = null;
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            shutdownHook = null;
        }
    }

    private Path pidFile() {
        return nodeDir.resolve("elasticsearch.pid");
    }

    private Optional<ProcessHandle> serverProcess() {
        try {
            String pid = Files.readString(pidFile()).trim();
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<ProcessHandle> leftRunning() {
        Optional<ProcessHandle> p = serverProcess();
        if (p.isEmpty()) {
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException ignored) {
                // unreadable stale pid file: the node overwrites it
            }
        }
        return p;
    }

    private void prepareFolders() {
        try {
            for (Path d : List.of(nodeDir.resolve("data"), nodeDir.resolve("logs"), nodeDir.resolve("config"))) {
                Files.createDirectories(d);
            }
            traversable(nodeDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the Elasticsearch folder " + nodeDir + " (" + e.getMessage()
                    + "); set store.data-dir to a writable folder", e);
        }
        try {
            long free = Files.getFileStore(nodeDir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new StoreException("only " + (free >> 20) + " MiB free under " + nodeDir
                        + "; Elasticsearch needs at least 1 GiB: free some space or set store.data-dir to another disk");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read free space of " + nodeDir + ": " + e.getMessage(), e);
        }
    }

    /** The node's user must be able to enter its folder and the data folder holding it. */
    private static void traversable(Path dir) throws IOException {
        if (NodeUser.needed()) {
            for (Path d : List.of(dir, dir.getParent())) {
                var perms = Files.getPosixFilePermissions(d);
                if (perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(d, perms);
                }
            }
        }
    }

    private void choosePort() {
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new StoreException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
            }
            return;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException free) {
            return;
        }
        String who = ourClusterAnswers() ? "another Shenava node (started from another data folder)" : "another program";
        throw new StoreException("port " + port + " on 127.0.0.1 is in use by " + who
                + "; stop it, set store.port to a free port, or set store.url to use that cluster");
    }

    private void writeConfig() {
        Path conf = nodeDir.resolve("config");
        try (Stream<Path> files = Files.walk(installDir.resolve("config"))) {
            for (Path src : files.filter(Files::isRegularFile).toList()) {
                Path dst = conf.resolve(installDir.resolve("config").relativize(src).toString());
                Files.createDirectories(dst.getParent());
                if (!Files.exists(dst)) {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.writeString(conf.resolve("elasticsearch.yml"), String.join("\n",
                    "# Written by Shenava at each start; edits are lost.",
                    "cluster.name: " + CLUSTER_NAME,
                    "node.name: shenava-node",
                    "path.data: " + nodeDir.resolve("data"),
                    "path.logs: " + nodeDir.resolve("logs"),
                    "network.host: 127.0.0.1",
                    "http.port: " + port,
                    "discovery.type: single-node",
                    "xpack.security.enabled: false",
                    "action.auto_create_index: false",
                    ""));
            if (NodeUser.needed()) {
                NodeUser.ensureExists();
                NodeUser.own(nodeDir);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the Elasticsearch configuration under " + conf + ": " + e.getMessage()
                    + "; check free disk space and permissions, or set store.data-dir", e);
        }
    }

    private void launch() {
        List<String> cmd = new ArrayList<>(List.of("env",
                "ES_PATH_CONF=" + nodeDir.resolve("config"),
                "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_JAVA_OPTS=-Xms" + heap + " -Xmx" + heap,
                installDir.resolve("bin").resolve("elasticsearch").toString(),
                "-p", pidFile().toString()));
        if (NodeUser.needed()) {
            cmd = NodeUser.wrap(cmd);
        }
        Path console = nodeDir.resolve("logs").resolve("console.log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(nodeDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(console.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().remove("JAVA_HOME");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            launcher = pb.start();
            launcher.getOutputStream().close();
        } catch (IOException e) {
            throw new StoreException("cannot start Elasticsearch (" + String.join(" ", cmd) + "): " + e.getMessage(), e);
        }
    }

    private void awaitHealth() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ourClusterAnswers()) {
                LOG.log(System.Logger.Level.INFO, "Elasticsearch is up at {0}", url());
                return;
            }
            if (!launcher.isAlive() && !running()) {
                throw new StoreException("Elasticsearch exited with code " + launcher.exitValue() + " while starting: "
                        + lastLines(nodeDir.resolve("logs").resolve("console.log")) + " (full log: " + nodeDir.resolve("logs") + ")");
            }
            sleep(Duration.ofMillis(300));
        }
        stop();
        throw new StoreException("Elasticsearch did not answer on " + url() + " within " + startTimeout.toSeconds()
                + " s; see " + nodeDir.resolve("logs") + ", or raise store.start-timeout-seconds on a slow machine");
    }

    /**
     * Whether the node answers its health endpoint with our cluster name and a yellow or green status.
     *
     * @return {@code true} when usable
     */
    public boolean ourClusterAnswers() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode health = new ObjectMapper().readTree(r.body());
            return CLUSTER_NAME.equals(health.path("cluster_name").asText())
                    && !"red".equals(health.path("status").asText());
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "shenava-elasticsearch-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private static void terminate(ProcessHandle p, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroy();
        try {
            p.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static String lastLines(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.filter(l -> !l.isBlank()).toList();
            return String.join(" | ", all.subList(Math.max(0, all.size() - 5), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no console log)";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for Elasticsearch", e);
        }
    }

}
