package dev.shenava.api;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated, double-quoted fields that may hold commas, quotes ("") and line
 * breaks. Tracks the line each record starts on. A record that cannot be read (a line that is not UTF-8 or
 * too long, a quote left open) is a {@link BadRecord} naming its line, and reading goes on after it: when
 * a quote opened on one line is not closed, or closes on a later line into a record with the wrong number
 * of fields, with text right after the closing quote, or swallowing a line that is a whole record by
 * itself, only the line it opened on is bad and the following lines are read again as records.
 */
final class CsvRecords {

    /** Most lines one quoted field may span before its quote is taken for a stray one. */
    private static final int MAX_RECORD_LINES = 1000;

    /** One record and the 1-based line it starts on. */
    record Row(long line, List<String> fields) {
    }

    /** A record that cannot be read; the next call reads on after it. */
    static final class BadRecord extends IOException {

        private final long line;

        BadRecord(long line, String reason) {
            super(reason);
            this.line = line;
        }

        /** @return the 1-based line the record starts on */
        long line() {
            return line;
        }
    }

    private final ImportLines lines;
    private final Deque<ImportLines.Line> unread = new ArrayDeque<>();
    private int expectedFields = -1;

    CsvRecords(ImportLines lines) {
        this.lines = lines;
    }

    /**
     * Sets how many fields every record has (the header's count): a record spanning lines with another
     * count is taken for a stray quote.
     *
     * @param n the count
     */
    void expectFields(int n) {
        this.expectedFields = n;
    }

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end
     * @throws BadRecord when the next record cannot be read; call again for the one after it
     * @throws IOException on a read error
     */
    Row next() throws IOException {
        ImportLines.Line first = take();
        while (first != null && first.problem() == null && first.text().isEmpty()) {
            first = take();
        }
        if (first == null) {
            return null;
        }
        if (first.problem() != null) {
            throw new BadRecord(first.number(), first.problem());
        }
        List<ImportLines.Line> used = new ArrayList<>();
        used.add(first);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean justClosed = false;
        boolean strayAfterQuote = false;
        String t = first.text();
        int i = 0;
        while (true) {
            if (i == t.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    break;
                }
                ImportLines.Line more = used.size() < MAX_RECORD_LINES ? take() : null;
                if (more == null || more.problem() != null) {
                    giveBack(used, more);
                    throw unclosed(first);
                }
                used.add(more);
                field.append('\n');
                t = more.text();
                i = 0;
                continue;
            }
            char c = t.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < t.length() && t.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        justClosed = true;
                        continue;
                    }
                } else {
                    field.append(c);
                }
            } else if (justClosed && c != ',') {
                // text after a closing quote: kept, but a sign that the quote was a stray one
                strayAfterQuote = true;
                justClosed = false;
                field.append(c);
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                justClosed = false;
            } else {
                field.append(c);
            }
        }
        if (used.size() > 1 && (strayAfterQuote || expectedFields >= 0 && (fields.size() != expectedFields
                || used.stream().skip(1).anyMatch(l -> fieldsAlone(l.text()) == expectedFields)))) {
            giveBack(used, null);
            throw unclosed(first);
        }
        return new Row(first.number(), fields);
    }

    /** The number of fields a line holds read on its own, or -1 when it leaves a quote open. */
    private static int fieldsAlone(String t) {
        int fields = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                fields++;
                fieldStart = true;
            } else {
                fieldStart = false;
            }
        }
        return quoted ? -1 : fields;
    }

    private static BadRecord unclosed(ImportLines.Line first) {
        return new BadRecord(first.number(), "a quoted field opened on this line is not closed (a stray '\"'?); "
                + "quote a field whole and double the quotes inside it (\"say \"\"hi\"\"\")");
    }

    /** Puts back every line after the first (and the extra one) to be read again. */
    private void giveBack(List<ImportLines.Line> used, ImportLines.Line extra) {
        if (extra != null) {
            unread.addFirst(extra);
        }
        for (int k = used.size() - 1; k >= 1; k--) {
            unread.addFirst(used.get(k));
        }
    }

    private ImportLines.Line take() throws IOException {
        return unread.isEmpty() ? lines.next() : unread.pollFirst();
    }
}
