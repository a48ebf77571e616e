package dev.shenava.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The journal's files: append-only segments of JSON lines and the committed read offset.
 * One writer (under the journal's write lock) and one reader (the drain thread).
 */
final class JournalSegments {

    /** A place in the journal: segment number and byte offset in it. */
    record Position(long seq, long offset) {
    }

    /** Lines read from the committed position, and the position after the last of them. */
    record Batch(List<byte[]> lines, Position end) {
    }

    private static final int READ_CHUNK = 8 << 20;

    private final Path dir;
    private final long segmentBytes;
    private FileChannel writer;
    private long writerSeq;
    private volatile Position end;
    private volatile Position committed;

    private JournalSegments(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    static JournalSegments open(Path dir, long segmentBytes) throws IOException {
        JournalSegments s = new JournalSegments(dir, segmentBytes);
        s.recover();
        return s;
    }

    private void recover() throws IOException {
        List<Long> seqs = segmentSeqs();
        Position offset = readOffset();
        long first = seqs.isEmpty() ? 1 : seqs.getFirst();
        committed = offset != null ? offset : new Position(first, 0);
        for (long seq : seqs) {
            if (seq < committed.seq()) {
                Files.deleteIfExists(segment(seq));
            }
        }
        writerSeq = seqs.isEmpty() ? Math.max(1, committed.seq()) : Math.max(seqs.getLast(), committed.seq());
        writer = FileChannel.open(segment(writerSeq), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        truncateTornTail(writer);
        writer.position(writer.size());
        end = new Position(writerSeq, writer.size());
        if (committed.seq() == writerSeq && committed.offset() > writer.size()) {
            committed = end;
        }
    }

    /** A line cut by a crash was never acknowledged to anyone: drop it. */
    private static void truncateTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        long keep = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (keep > 0) {
            one.clear();
            ch.read(one, keep - 1);
            if (one.get(0) == '\n') {
                break;
            }
            keep--;
        }
        if (keep < size) {
            ch.truncate(keep);
            ch.force(true);
        }
    }

    void append(ByteBuffer bytes) throws IOException {
        if (writer.size() > 0 && writer.size() + bytes.remaining() > segmentBytes) {
            writer.force(true);
            writer.close();
            writerSeq++;
            writer = FileChannel.open(segment(writerSeq), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            forceDir();
        }
        long before = writer.size();
        try {
            while (bytes.hasRemaining()) {
                writer.write(bytes);
            }
            writer.force(false);
        } catch (IOException e) {
            try {
                writer.truncate(before);
                writer.position(before);
            } catch (IOException ignored) {
                // recovery at the next open drops a torn line anyway
            }
            throw e;
        }
        end = new Position(writerSeq, writer.size());
    }

    boolean hasUnread() {
        return !committed.equals(end);
    }

    long countPending() throws IOException {
        long count = 0;
        Position p = committed;
        Position e = end;
        for (long seq = p.seq(); seq <= e.seq(); seq++) {
            Path f = segment(seq);
            if (!Files.exists(f)) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                long from = seq == p.seq() ? p.offset() : 0;
                long to = seq == e.seq() ? e.offset() : ch.size();
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                for (long at = from; at < to; ) {
                    buf.clear().limit((int) Math.min(buf.capacity(), to - at));
                    int n = ch.read(buf, at);
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buf.get(i) == '\n') {
                            count++;
                        }
                    }
                    at += n;
                }
            }
        }
        return count;
    }

    Batch read(int maxLines) throws IOException {
        Position p = committed;
        Position e = end;
        while (p.seq() < e.seq() && p.offset() >= sizeOf(p.seq())) {
            p = new Position(p.seq() + 1, 0);
        }
        long limit = p.seq() == e.seq() ? e.offset() : sizeOf(p.seq());
        if (p.offset() >= limit) {
            if (!p.equals(committed)) {
                commit(p);
            }
            return new Batch(List.of(), p);
        }
        List<byte[]> lines = new ArrayList<>();
        long at = p.offset();
        try (FileChannel ch = FileChannel.open(segment(p.seq()), StandardOpenOption.READ)) {
            long want = Math.min(limit - at, READ_CHUNK);
            ByteBuffer buf = ByteBuffer.allocate((int) want);
            ch.read(buf, at);
            byte[] data = buf.array();
            int lineStart = 0;
            for (int i = 0; i < buf.position() && lines.size() < maxLines; i++) {
                if (data[i] == '\n') {
                    byte[] line = new byte[i - lineStart];
                    System.arraycopy(data, lineStart, line, 0, line.length);
                    lines.add(line);
                    lineStart = i + 1;
                }
            }
            if (lines.isEmpty() && want < limit - at) {
                throw new IOException("journal line longer than " + READ_CHUNK + " bytes at " + segment(p.seq()) + ":" + at);
            }
            return new Batch(lines, new Position(p.seq(), at + lineStart));
        }
    }

    /** Records that everything before {@code p} is in Elasticsearch; drops fully consumed segments. */
    void commit(Position p) throws IOException {
        Path tmp = dir.resolve("offset.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((p.seq() + " " + p.offset() + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve("offset"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDir();
        committed = p;
        for (long seq : segmentSeqs()) {
            if (seq < p.seq()) {
                Files.deleteIfExists(segment(seq));
            }
        }
    }

    void close() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // everything written was forced already
        }
    }

    private Position readOffset() throws IOException {
        Path f = dir.resolve("offset");
        if (!Files.exists(f)) {
            return null;
        }
        String[] parts = Files.readString(f, StandardCharsets.US_ASCII).trim().split(" ");
        try {
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new IOException("journal offset file " + f + " is damaged ('" + String.join(" ", parts)
                    + "'); delete it to replay the whole journal (ids make that harmless)");
        }
    }

    private long sizeOf(long seq) throws IOException {
        Path f = segment(seq);
        return Files.exists(f) ? Files.size(f) : 0;
    }

    private Path segment(long seq) {
        return dir.resolve(String.format("seg-%020d.jsonl", seq));
    }

    private List<Long> segmentSeqs() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("seg-\\d{20}\\.jsonl"))
                    .map(n -> Long.parseLong(n.substring(4, 24)))
                    .sorted().toList();
        }
    }

    private void forceDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be forced
        }
    }
}
