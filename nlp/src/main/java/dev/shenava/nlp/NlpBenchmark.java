package dev.shenava.nlp;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Throughput benchmark of {@link TextAnalyzer} on a generated mix of Persian, Arabic and English
 * mentions, on as many threads as cores. Prints {@code mentions/s=N heap-mb=N} as its last line.
 */
@Command(name = "nlp", description = "Benchmark the NLP pipeline on a mixed fa/ar/en load.", mixinStandardHelpOptions = true)
public final class NlpBenchmark implements Callable<Integer> {

    private static final String[][] OPENERS = {
        {"سفارشم از اسنپ فود", "پیک دیجی‌کالا", "پشتیبانی تپسی", "اپلیکیشن اسنپ", "قیمت‌های جدید", "غذای رستوران"},
        {"طلبي من طلبات", "خدمة العملاء في كريم", "تطبيق نون", "المندوب", "الأسعار الجديدة", "جودة الأكل"},
        {"My Snapp order", "The Talabat driver", "Careem support", "The new app update", "Prices this week", "The food quality"},
    };
    private static final String[][] MIDDLES = {
        {"خیلی دیر رسید", "عالی بود", "واقعا افتضاحه", "بد نبود", "سریع و گرم بود", "اصلا جواب نمیدن", "می کنند گرونتر"},
        {"وصل متأخر جدا", "كانت ممتازة", "سيئة للأسف", "مش بطالة", "سريع ونظيف", "ما في رد ابدا", "غالية كتير"},
        {"arrived really late", "was excellent", "is honestly terrible", "wasn't bad", "was fast and hot", "never answers", "got pricier"},
    };
    private static final String[][] CLOSERS = {
        {"ممنون 🙏", "دیگه سفارش نمیدم 😡", "#خدمات_مشتری", "!!!", "", "https://snapp.ir/help", "عاااالی"},
        {"شكرا 🙏", "لن أطلب مرة أخرى 😡", "#خدمة_العملاء", "!!!", "", "@talabat", "روووعة"},
        {"thanks 🙏", "never again 😡", "#CustomerService", "!!!", "", "@snapp", "sooooo good"},
    };

    @Option(names = "--seconds", description = "Measured seconds (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int seconds;
    @Option(names = "--threads", description = "Worker threads (default: the number of cores).")
    Integer threads;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TextAnalyzer analyzer = TextAnalyzer.create();
        List<String> texts = texts(3000, new Random(7));
        for (String t : texts) {
            analyzer.analyze(t); // warm-up: JIT and lazily loaded language models
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        AtomicLong done = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int offset = w * 997;
            futures.add(pool.submit(() -> {
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    analyzer.analyze(texts.get(i % texts.size()));
                    done.incrementAndGet();
                }
                cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        out.printf(Locale.ROOT, "analysed %d mentions in %.1f s on %d threads (%d cores)%n", done.get(), elapsed, n,
                Runtime.getRuntime().availableProcessors());
        // Other processes share the cores; CPU time shows what the cores would do for us alone.
        double perCpuSecond = done.get() / (cpuNanos.get() / 1e9);
        out.printf(Locale.ROOT, "per CPU-second of the workers: %.0f mentions (x %d cores = %.0f mentions/s unshared)%n",
                perCpuSecond, n, perCpuSecond * n);
        out.printf(Locale.ROOT, "mentions/s=%d heap-mb=%d%n", Math.round(done.get() / elapsed), heap);
        out.flush();
        return 0;
    }

    /** Generated mentions, a third in each language, from phrases written for this benchmark. */
    static List<String> texts(int count, Random random) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lang = i % 3;
            StringBuilder b = new StringBuilder();
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                b.append(pick(OPENERS[lang], random)).append(' ').append(pick(MIDDLES[lang], random)).append(lang == 2 ? ". " : " . ");
            }
            out.add(b.append(pick(CLOSERS[lang], random)).toString().strip());
        }
        return out;
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
