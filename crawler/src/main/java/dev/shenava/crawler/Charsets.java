package dev.shenava.crawler;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset of a body: byte-order mark, HTTP header, XML declaration, HTML meta, then UTF-8 validity.
 */
final class Charsets {

    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:\\-]+)[\"']");
    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:\\-]+)", Pattern.CASE_INSENSITIVE);
    /** How many of a body's first bytes are searched for an XML declaration or HTML meta naming a charset. */
    private static final int SNIFFED = 2048;
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private Charsets() {
    }

    static Charset detect(byte[] body, String contentType) {
        return bom(body)
                .or(() -> headerCharset(contentType).map(c -> unlessMislabelledUtf8(c, body)))
                .or(() -> sniffed(body))
                .orElseGet(() -> isUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
    }

    /**
     * Whether {@link #detect} answers UTF-8 for this body if it is well-formed UTF-8, told without reading the whole
     * body: a byte-order mark says UTF-8, or there is none and the header names UTF-8 or no charset and the first
     * bytes hold neither an XML declaration nor an HTML meta that could name one. A reader that checks every byte
     * itself (a JSON scanner) then skips the check of the whole body that detection makes; false means "detect".
     */
    static boolean utf8IfWellFormed(byte[] body, String contentType) {
        Optional<Charset> mark = bom(body);
        if (mark.isPresent()) {
            return mark.get().equals(StandardCharsets.UTF_8);
        }
        Optional<Charset> declared = headerCharset(contentType);
        if (declared.isPresent()) {
            return declared.get().equals(StandardCharsets.UTF_8);
        }
        // what sniffed() could find: an XML declaration first after whitespace, or "<meta" within its head
        int head = Math.min(body.length, SNIFFED);
        int first = 0;
        while (first < head && (body[first] == ' ' || body[first] >= '\t' && body[first] <= '\r')) {
            first++;
        }
        if (first < head && body[first] == '<') {
            return false;
        }
        for (int k = Bytes.indexOf(body, '<', 0, head); k >= 0; k = Bytes.indexOf(body, '<', k + 1, head)) {
            if (Bytes.startsWithIgnoringCase(body, head, k + 1, "meta")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The charset a Content-Type header names, as {@link #HEADER} finds it; the two commonest answers (no charset,
     * UTF-8) without the case-blind regex scan.
     */
    static Optional<Charset> headerCharset(String contentType) {
        int first = indexOfCharset(contentType);
        if (first < 0) {
            return Optional.empty(); // the regex cannot match
        }
        int end = first + 13;
        if (contentType.regionMatches(true, first + 7, "=utf-8", 0, 6)
                && (end == contentType.length() || !isLabelChar(contentType.charAt(end)))) {
            return Optional.of(StandardCharsets.UTF_8); // where the regex would find "utf-8" first
        }
        return headerCharsetByRegex(contentType);
    }

    /** The reference {@link #headerCharset} is tested against. */
    static Optional<Charset> headerCharsetByRegex(String contentType) {
        return declared(HEADER, contentType);
    }

    /** Where "charset" (any case) first stands, -1 when nowhere. */
    private static int indexOfCharset(String text) {
        for (int i = 0; i + 7 <= text.length(); i++) {
            if ((text.charAt(i) | 0x20) == 'c' && text.regionMatches(true, i, "charset", 0, 7)) {
                return i;
            }
        }
        return -1;
    }

    /** A character of {@code [\w.:\-]} as {@link #HEADER} reads a label (Java's \w is ASCII only). */
    private static boolean isLabelChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == ':' || c == '-';
    }

    /**
     * A latin-1 or ASCII label on a body that is valid UTF-8 with multi-byte characters is a server default left
     * unchanged, common on Persian and Arabic sites; windows-1252 text is practically never valid multi-byte UTF-8.
     */
    private static Charset unlessMislabelledUtf8(Charset declared, byte[] body) {
        if (!declared.name().equals("windows-1252")) {
            return declared;
        }
        for (byte b : body) {
            if (b < 0) {
                return isUtf8(body) ? StandardCharsets.UTF_8 : declared;
            }
        }
        return declared;
    }

    static String decode(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** 3 when {@code body} starts with UTF-8's byte-order mark, else 0: where a UTF-8 reader starts. */
    static int utf8BomLength(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3 : 0;
    }

    private static Optional<Charset> bom(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(UTF_32BE);
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(UTF_32LE);
        }
        if (utf8BomLength(b) == 3) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (starts(b, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (starts(b, 0xFF, 0xFE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        // no BOM but the XML declaration's first character in a wide encoding
        if (starts(b, 0x00, 0x00, 0x00, '<')) {
            return Optional.of(UTF_32BE);
        }
        if (starts(b, '<', 0x00, 0x00, 0x00)) {
            return Optional.of(UTF_32LE);
        }
        if (starts(b, 0x00, '<', 0x00, '?')) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (starts(b, '<', 0x00, '?', 0x00)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> sniffed(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFFED), StandardCharsets.ISO_8859_1);
        return declared(XML_DECL, head).or(() -> {
            int meta = indexOfMeta(head); // no match can start before the first "<meta"
            return meta < 0 ? Optional.empty() : declared(META, head.substring(meta));
        });
    }

    /** Where the first {@code <meta} (any case) starts, -1 when none: the case-blind regex scan is slow. */
    private static int indexOfMeta(String head) {
        for (int i = head.indexOf('<'); i >= 0; i = head.indexOf('<', i + 1)) {
            if (head.regionMatches(true, i + 1, "meta", 0, 4)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Charset> declared(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        // browsers read these labels as their supersets
        name = switch (name) {
            case "iso-8859-1", "latin1", "us-ascii", "ascii" -> "windows-1252";
            case "gb2312", "gbk" -> "GB18030";
            case "iso-8859-9" -> "windows-1254";
            default -> name;
        };
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
    static boolean isUtf8(byte[] body) {
        int i = 0;
        int n = body.length;
        while (i < n) {
            if (i + 8 <= n && ((long) LONGS.get(body, i) & 0x8080808080808080L) == 0) {
                i += 8; // eight ASCII bytes at once
                continue;
            }
            int b = body[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > n) {
                return false;
            }
            int second = body[i + 1] & 0xFF;
            int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < len; k++) {
                if ((body[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }

    /**
     * Well-formed UTF-8 from {@code from} decoded into {@code out} (at least as long as the bytes left), giving the
     * characters the JDK's decoder gives.
     *
     * @return the number of characters, -1 when the bytes are not well-formed UTF-8
     */
    static int decodeUtf8(byte[] b, int from, char[] out) {
        return decodeUtf8(b, from, b.length, out);
    }

    /** {@link #decodeUtf8(byte[], int, char[])} of the bytes {@code [from, to)}. */
    static int decodeUtf8(byte[] b, int from, int to, char[] out) {
        return decodeUtf8(b, from, to, out, 0);
    }

    /**
     * {@link #decodeUtf8(byte[], int, int, char[])} written into {@code out} from {@code at} on.
     *
     * @return where the chars written end, or -1 as there
     */
    static int decodeUtf8(byte[] b, int from, int to, char[] out, int at) {
        int n = to;
        int i = from;
        int o = at;
        while (i < n) {
            int x = b[i];
            if (x >= 0) {
                out[o++] = (char) x;
                i++;
                continue;
            }
            int y;
            int z;
            if ((x & 0xE0) == 0xC0) {
                if ((x & 0xFF) < 0xC2 || i + 1 >= n || ((y = b[i + 1]) & 0xC0) != 0x80) {
                    return -1;
                }
                out[o++] = (char) ((x & 0x1F) << 6 | y & 0x3F);
                i += 2;
            } else if ((x & 0xF0) == 0xE0) {
                if (i + 2 >= n || ((y = b[i + 1]) & 0xC0) != 0x80 || ((z = b[i + 2]) & 0xC0) != 0x80) {
                    return -1;
                }
                int ch = (x & 0x0F) << 12 | (y & 0x3F) << 6 | z & 0x3F;
                if (ch < 0x800 || ch >= 0xD800 && ch < 0xE000) {
                    return -1; // overlong, or a surrogate
                }
                out[o++] = (char) ch;
                i += 3;
            } else if ((x & 0xF8) == 0xF0) {
                int w;
                if (i + 3 >= n || ((y = b[i + 1]) & 0xC0) != 0x80 || ((z = b[i + 2]) & 0xC0) != 0x80
                        || ((w = b[i + 3]) & 0xC0) != 0x80) {
                    return -1;
                }
                int cp = (x & 0x07) << 18 | (y & 0x3F) << 12 | (z & 0x3F) << 6 | w & 0x3F;
                if (cp < 0x10000 || cp > 0x10FFFF) {
                    return -1;
                }
                out[o++] = Character.highSurrogate(cp);
                out[o++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return -1;
            }
        }
        return o;
    }

    /** The JDK decoder's verdict, which {@link #isUtf8} must match. */
    static boolean decodesAsUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
