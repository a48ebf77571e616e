package dev.shenava.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.nodes.Stats;
import co.elastic.clients.elasticsearch.nodes.ThreadCount;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a reader needs to judge a figure of {@code bench query}, read before and after a phase: the CPU the
 * Elasticsearch node, this JVM (the service and the bench's clients) and every other process on the machine
 * spent, the node's search thread pool (threads, queue, rejections) and garbage collections, and this JVM's
 * garbage collections and JIT compilation. A run on a machine where other processes kept cores busy, or where
 * the JIT compilers or collectors were still at work, spends more CPU per request than the same code on an
 * idle, warmed-up machine; the difference shows here instead of passing for the code's cost.
 *
 * @param nanos          when it was taken ({@link System#nanoTime()})
 * @param nodeCpuMillis  CPU the node's processes used so far
 * @param jvmCpuNanos    CPU this JVM used so far
 * @param machineMillis  CPU every process on the machine used so far ({@code /proc/stat}), or -1 where unknown
 * @param searchThreads  the node's search threads
 * @param searchQueue    searches waiting in the node's queue at that moment
 * @param searchLargest  the most search threads the node ever ran at once
 * @param searchRejected searches the node refused so far
 * @param nodeGcCount    the node's collections so far (all collectors)
 * @param nodeGcMillis   the node's time in collections so far
 * @param nodeHeapUsed   the node's heap in use, in bytes
 * @param jvmGcCount     this JVM's collections so far
 * @param jvmGcMillis    this JVM's time in collections so far
 * @param jitMillis      this JVM's JIT compilation time so far
 * @param nodeJitMillis  CPU the node's JIT compiler threads used so far, or -1 where unknown (a node on another
 *                       machine, or no {@code /proc})
 */
record BenchGauges(long nanos, long nodeCpuMillis, long jvmCpuNanos, long machineMillis, long searchThreads,
                   long searchQueue, long searchLargest, long searchRejected, long nodeGcCount, long nodeGcMillis,
                   long nodeHeapUsed, long jvmGcCount, long jvmGcMillis, long jitMillis, long nodeJitMillis) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Clock ticks per second of {@code /proc/stat} on Linux ({@code USER_HZ}). */
    private static final long TICKS_PER_SECOND = 100;

    /**
     * Reads every gauge once the node's own CPU figure is current: the node refreshes it once a second
     * ({@code monitor.process.refresh_interval}), so a phase shorter than a few seconds read it stale (a cached
     * search phase showed 0 ms). Waiting a little more than that, with nothing sent, brings it up to date at the
     * cost of the node's idle CPU meanwhile.
     *
     * @param es the node's client
     * @return the gauges
     */
    static BenchGauges settled(ElasticsearchClient es) throws Exception {
        Thread.sleep(1_200);
        return read(es);
    }

    private static BenchGauges read(ElasticsearchClient es) throws IOException {
        long machine = allProcessesMillis();
        long nodeJit = 0;
        for (var n : es.nodes().info(i -> i.metric("process")).nodes().values()) {
            long compiling = n.process() == null ? -1 : compilerMillis(n.process().id());
            nodeJit = nodeJit < 0 || compiling < 0 ? -1 : nodeJit + compiling;
        }
        long jvmCpu = processCpuNanos();
        long cpu = 0;
        long threads = 0;
        long queue = 0;
        long largest = 0;
        long rejected = 0;
        long gcCount = 0;
        long gcMillis = 0;
        long heap = 0;
        for (Stats n : es.nodes().stats(s -> s.metric("process", "jvm", "thread_pool")).nodes().values()) {
            cpu += n.process().cpu().totalInMillis();
            ThreadCount search = n.threadPool().get("search");
            if (search != null) {
                threads += orZero(search.threads());
                queue += orZero(search.queue());
                largest += orZero(search.largest());
                rejected += orZero(search.rejected());
            }
            for (var c : n.jvm().gc().collectors().values()) {
                gcCount += orZero(c.collectionCount());
                gcMillis += orZero(c.collectionTimeInMillis());
            }
            heap += orZero(n.jvm().mem().heapUsedInBytes());
        }
        long jvmGcCount = 0;
        long jvmGcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            jvmGcCount += Math.max(0, gc.getCollectionCount());
            jvmGcMillis += Math.max(0, gc.getCollectionTime());
        }
        var jit = ManagementFactory.getCompilationMXBean();
        return new BenchGauges(System.nanoTime(), cpu, jvmCpu, machine, threads, queue, largest, rejected, gcCount,
                gcMillis, heap, jvmGcCount, jvmGcMillis,
                jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0, nodeJit);
    }

    /**
     * CPU the JIT compiler threads of a local Java process used so far ({@code /proc/<pid>/task/<tid>/stat} of the
     * threads named {@code C1 CompilerThread...} and {@code C2 CompilerThread...}), or -1 when that process is not
     * an Elasticsearch node on this machine.
     */
    static long compilerMillis(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            if (!Files.readString(process.resolve("cmdline")).contains("org.elasticsearch")) {
                return -1;
            }
            long ticks = 0;
            try (var tasks = Files.list(process.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The share of the node's CPU since {@code before} that its JIT compilers took, or -1 where unknown: a node
     * still compiling spends more CPU per search than one that has been up for a while.
     *
     * @param before the gauges before
     * @return a fraction from 0 to 1, or -1
     */
    double nodeJitShare(BenchGauges before) {
        long cpu = nodeCpuMillis - before.nodeCpuMillis;
        return nodeJitMillis < 0 || before.nodeJitMillis < 0 || cpu <= 0 ? -1
                : Math.min(1, (nodeJitMillis - before.nodeJitMillis) / (double) cpu);
    }

    private static long orZero(Number n) {
        return n == null ? 0 : n.longValue();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time all processes used since boot (user, nice, system, irq, softirq, steal), or -1 off Linux. */
    private static long allProcessesMillis() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            String[] f = lines.getFirst().trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += i < f.length ? Long.parseLong(f[i]) : 0;
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The CPU each of {@code requests} cost in the node and in this JVM since {@code before}.
     *
     * @param before   the gauges before
     * @param requests how many requests were answered meanwhile
     * @return node ms and JVM ms per request
     */
    double[] cpuPerRequest(BenchGauges before, int requests) {
        return new double[] {(nodeCpuMillis - before.nodeCpuMillis) / (double) requests,
                (jvmCpuNanos - before.jvmCpuNanos) / 1e6 / requests};
    }

    /**
     * One line on what else happened since {@code before}: how many cores other processes kept busy, the node's
     * search pool and collections, this JVM's collections and JIT compilation.
     *
     * @param before the gauges before
     * @return the line
     */
    String since(BenchGauges before) {
        double seconds = (nanos - before.nanos) / 1e9;
        String others = machineMillis < 0 || before.machineMillis < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.2f", Math.max(0, (machineMillis - before.machineMillis)
                        - (nodeCpuMillis - before.nodeCpuMillis) - (jvmCpuNanos - before.jvmCpuNanos) / 1_000_000)
                        / 1000.0 / seconds);
        String nodeJit = nodeJitMillis < 0 || before.nodeJitMillis < 0 ? "unknown"
                : (nodeJitMillis - before.nodeJitMillis) + " ms";
        return String.format(Locale.ROOT, "cores kept busy by other processes %s; node: %d search threads (at most %d"
                        + " at once so far), %d queued at the end, %d rejected, %d collections %d ms, heap %d MB,"
                        + " JIT compiling %s; service + clients: %d collections %d ms, JIT compiling %d ms",
                others, searchThreads, searchLargest, searchQueue, searchRejected - before.searchRejected,
                nodeGcCount - before.nodeGcCount, nodeGcMillis - before.nodeGcMillis, nodeHeapUsed >> 20, nodeJit,
                jvmGcCount - before.jvmGcCount, jvmGcMillis - before.jvmGcMillis, jitMillis - before.jitMillis);
    }
}
