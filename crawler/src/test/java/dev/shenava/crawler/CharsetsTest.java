package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The charset of a Content-Type header read without the regex gives what the regex gives. */
class CharsetsTest {

    @Test
    void headerCharsetAgreesWithTheRegexOnCommonAndOddHeaders() {
        List<String> headers = List.of("", "application/json", "text/html; charset=utf-8", "text/html;charset=UTF-8",
                "text/html; Charset=\"utf-8\"", "text/html; charset = utf-8", "text/xml; charset=utf-8; x=1",
                "text/xml; charset=utf-8x", "text/xml; charset=utf-8.1", "text/xml; charset=utf-8 ", "charset=utf-8",
                "text/html; xcharset=windows-1256; charset=utf-8", "text/html; charset=windows-1256",
                "text/html; charset=ISO-8859-1", "text/html; charset=", "text/html; charset",
                "text/html; charset=utf-16",
                "text/html; CHARSET=utf-8", "text/html; charset=utf-8:", "text/html; charset=utf-8_", "chars");
        for (String header : headers) {
            assertEquals(Charsets.headerCharsetByRegex(header), Charsets.headerCharset(header), header);
        }
        assertEquals(Optional.of(StandardCharsets.UTF_8), Charsets.headerCharset("text/html; charset=utf-8"));
        String[] parts = {"text/html", ";", " ", "charset", "CharSet", "=", "utf-8", "UTF-8", "\"", "'", "windows-1256",
            "x", "-", ".", "_", ":", "\t", "utf-16"};
        Random random = new Random(7);
        for (int t = 0; t < 20000; t++) {
            StringBuilder header = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                header.append(parts[random.nextInt(parts.length)]);
            }
            assertEquals(Charsets.headerCharsetByRegex(header.toString()), Charsets.headerCharset(header.toString()),
                    header.toString());
        }
    }

    @Test
    void decodesWellFormedUtf8AsTheJdkAndRefusesTheRest() {
        Random random = new Random(11);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "\u0627\u06CC".getBytes(StandardCharsets.UTF_8),
            "\u200C\u20AC".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3},
            {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {0}};
        for (int t = 0; t < 20000; t++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(10); k >= 0; k--) {
                bytes.writeBytes(random.nextInt(4) == 0 ? new byte[] {(byte) random.nextInt(256)}
                        : pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = bytes.toByteArray();
            char[] out = new char[b.length];
            int length = Charsets.decodeUtf8(b, 0, out);
            assertEquals(Charsets.decodesAsUtf8(b), length >= 0, java.util.Arrays.toString(b));
            if (length >= 0) {
                assertEquals(new String(b, StandardCharsets.UTF_8), new String(out, 0, length));
            }
        }
    }
}
