package dev.shenava.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import's progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise.
 */
final class ImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final AtomicLong bytes = new AtomicLong();
    private long total = 1;
    private long lastDraw;
    private int lastTenth = -1;

    private ImportProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static ImportProgress to(PrintStream out) {
        return new ImportProgress(out, System.console() != null);
    }

    static ImportProgress silent() {
        return new ImportProgress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    void totalBytes(long n) {
        total = Math.max(1, n);
    }

    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    bytes.incrementAndGet();
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }

    void update(long read, long rejected, long pending) {
        int percent = (int) Math.min(100, bytes.get() * 100 / total);
        String line = bar(percent) + String.format(" %3d%%  %,d read, %,d rejected, %,d waiting for Elasticsearch",
                percent, read, rejected, pending);
        draw(line, percent / 10);
    }

    void waiting(long pending, String lastError) {
        draw(bar(100) + String.format(" 100%%  %,d waiting for Elasticsearch%s", pending,
                lastError.isEmpty() ? "" : " (" + shorten(lastError) + ")"), 11);
    }

    void done() {
        if (terminal && lastDraw > 0) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    private void draw(String line, int tenth) {
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw > 200_000_000L) {
                out.print("\r\033[K" + line);
                out.flush();
                lastDraw = now;
            }
        } else if (tenth != lastTenth && (tenth <= 10 || now - lastDraw > 5_000_000_000L)) {
            out.println(line);
            lastTenth = tenth;
            lastDraw = now;
        }
    }

    private static String bar(int percent) {
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
