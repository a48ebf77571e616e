package dev.shenava.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an import file, decoded one at a time so that a bad line stays one bad line: a line that is
 * not valid UTF-8 or is longer than {@link #MAX_LINE_BYTES} comes with the problem in words instead of
 * text. Lines end at LF or CRLF; a byte order mark at the start of a line is dropped (files joined with
 * {@code cat} keep theirs).
 */
final class ImportLines {

    /** Longest line read; the rest of a longer line is skipped and the line reported. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * A line.
     *
     * @param number  1-based line number
     * @param text    the text without its line end, empty when there is a problem
     * @param problem why the line cannot be read, or {@code null}
     */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[1024];
    private long number;

    ImportLines(InputStream in) {
        this.in = in;
    }

    /**
     * The next line.
     *
     * @return the line, or {@code null} at the end of the input
     * @throws IOException when the input cannot be read
     */
    Line next() throws IOException {
        int length = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            total += n;
            if (length < MAX_LINE_BYTES) {
                int keep = Math.min(n, MAX_LINE_BYTES - length);
                if (length + keep > line.length) {
                    line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + keep)));
                }
                System.arraycopy(chunk, start, line, length, keep);
                length += keep;
            }
            if (pos < limit) {
                pos++; // the LF
                break;
            }
        }
        number++;
        if (total > MAX_LINE_BYTES) {
            return new Line(number, "", "longer than " + (MAX_LINE_BYTES >> 20) + " MiB (" + total + " bytes)");
        }
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        int from = end >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            CharBuffer text = utf8.reset().decode(ByteBuffer.wrap(line, from, end - from));
            return new Line(number, text.toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, "", "not valid UTF-8 (a bad byte sequence near byte "
                    + badByte(line, from, end) + " of the line); save the file as UTF-8");
        }
    }

    private static int badByte(byte[] b, int from, int end) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, end - from);
        CharBuffer out = CharBuffer.allocate(end - from + 1);
        d.decode(in, out, true);
        return in.position() - from + 1;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        if (n <= 0) {
            eof = n < 0;
            pos = 0;
            limit = 0;
            return !eof && fill();
        }
        pos = 0;
        limit = n;
        return true;
    }
}
