package dev.shenava.api;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated, double-quoted fields that may hold commas, quotes ("") and line
 * breaks. Tracks the line each record starts on.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record Row(long line, List<String> fields) {
    }

    private final Reader in;
    private long line = 1;
    private int peeked = -2;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end
     * @throws IOException on a read error or a quote left open at the end of the input
     */
    Row next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("line " + start + ": a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        peeked = n;
                    }
                }
                fields.add(field.toString());
                return new Row(start, fields);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
