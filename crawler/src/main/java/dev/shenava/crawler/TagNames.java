package dev.shenava.crawler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The tag names {@link PlainHtmlScanner} knows and what each is, as kind bits, found from a page's bytes: a name of at
 * most eight letters by one read of it as a long and a hash, a longer one by its length and first letter.
 */
final class TagNames {

    /** Tags read as ordinary elements: none of them closes, moves or reopens another in the HTML tree builder. */
    private static final Set<String> ORDINARY = Set.of("div", "span", "a", "b", "i", "u", "s", "em", "strong", "small",
            "code", "time", "mark", "abbr", "sub", "sup", "video", "audio", "canvas", "picture", "section", "main",
            "header", "footer", "article", "nav", "aside", "figure", "figcaption", "blockquote", "label", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "svg", "title", "script", "style");
    private static final Set<String> VOID = Set.of("br", "img", "meta", "link", "input", "source", "wbr", "base");
    /** Inside svg: shapes and groups only (other tag names break out of foreign content or are read differently). */
    private static final Set<String> SVG = Set.of("g", "path", "circle", "rect", "ellipse", "line", "polyline",
            "polygon", "defs", "use", "stop", "symbol");
    /** The names {@link #INLINE_TAG} stands for: jsoup's {@code Element.text()} adds no space for them. */
    private static final Set<String> INLINE = Set.of("span", "a", "b", "i", "u", "s", "em", "strong", "small", "code",
            "time", "mark", "abbr", "sub", "sup", "img");

    static final int ORDINARY_TAG = 1;
    static final int VOID_TAG = 2;
    static final int SVG_TAG = 4;
    /** html, head, body: merged by the tree builder rather than nested. */
    static final int TRANSPARENT_TAG = 8;
    /** script, style, title: their content is read to their end tag. */
    static final int RAW_TAG = 16;
    static final int SVG_ROOT = 32;
    static final int FORM_TAG = 64;
    static final int LINK_TAG = 128;
    /** {@link #INLINE}, for {@link TextCapture}. */
    static final int INLINE_TAG = 256;
    /** {@link Html#BLOCKS}: a line break before and after their text. */
    static final int BLOCK_TAG = 512;
    static final int BR_TAG = 1024;
    static final int DIV_TAG = 2048;
    static final int TIME_TAG = 4096;
    static final int BASE_TAG = 8192;

    /** Every known name, by id, with its bytes, kind bits and {@link #endKey}. */
    private static final String[] NAMES = all();
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    private static final int[] KINDS = new int[NAMES.length];
    private static final long[] END_KEYS = new long[NAMES.length];
    /** Ids of the names by length and first letter, for names longer than eight letters or at a page's very end. */
    private static final int[][][] BY_LENGTH = new int[12][26][0];
    /** The names of at most eight letters as {@link Bytes#lowerLong} keys, with their ids, by a multiplicative hash. */
    private static final long[] KEYS = new long[128];
    private static final int[] KEY_IDS = new int[KEYS.length];

    static {
        for (int id = 0; id < NAMES.length; id++) {
            String name = NAMES[id];
            NAME_BYTES[id] = name.getBytes(StandardCharsets.US_ASCII);
            KINDS[id] = kind(name);
            long key = name.length() <= 8 ? Bytes.lowerLong(name, name.length()) : 0;
            // letters only: no byte but a letter's other case folds onto a letter's key byte
            END_KEYS[id] = name.chars().allMatch(c -> c >= 'a' && c <= 'z') ? key : 0;
            if (key != 0) {
                int slot = slot(key);
                while (KEYS[slot] != 0) {
                    slot = (slot + 1) & (KEYS.length - 1);
                }
                KEYS[slot] = key;
                KEY_IDS[slot] = id;
            }
            int[] ids = BY_LENGTH[name.length()][name.charAt(0) - 'a'];
            ids = Arrays.copyOf(ids, ids.length + 1);
            ids[ids.length - 1] = id;
            BY_LENGTH[name.length()][name.charAt(0) - 'a'] = ids;
        }
    }

    private TagNames() {
    }

    /**
     * The id of the known name that the {@code length} bytes at {@code from} are in any case (bytes a tag name may hold:
     * ASCII letters, digits, '-', the first a letter), or -1.
     *
     * @param n the length of {@code b}: eight bytes are read at once where they are there
     */
    static int find(byte[] b, int from, int length, int n) {
        if (length <= 8 && from + 8 <= n) {
            long key = Bytes.lowerLong(b, from, length);
            for (int slot = slot(key); KEYS[slot] != 0; slot = (slot + 1) & (KEYS.length - 1)) {
                if (KEYS[slot] == key) {
                    return KEY_IDS[slot];
                }
            }
            return -1;
        }
        int first = (b[from] | 0x20) - 'a';
        if (length < BY_LENGTH.length && first >= 0 && first < 26) {
            for (int id : BY_LENGTH[length][first]) {
                if (Bytes.matchesLower(b, from, NAME_BYTES[id])) {
                    return id;
                }
            }
        }
        return -1;
    }

    /** The name of {@code id}, lower case: the same string for every page. */
    static String name(int id) {
        return NAMES[id];
    }

    /** What {@code id} is: {@link #ORDINARY_TAG}, {@link #VOID_TAG} ... bits. */
    static int kind(int id) {
        return KINDS[id];
    }

    /** {@link Bytes#lowerLong} of the name when it is letters only (its end tag matched by one read), else 0. */
    static long endKey(int id) {
        return END_KEYS[id];
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 57);
    }

    private static int kind(String known) {
        return (ORDINARY.contains(known) ? ORDINARY_TAG : 0) | (VOID.contains(known) ? VOID_TAG : 0)
                | (SVG.contains(known) ? SVG_TAG : 0)
                | (Set.of("html", "head", "body").contains(known) ? TRANSPARENT_TAG : 0)
                | (Set.of("script", "style", "title").contains(known) ? RAW_TAG : 0)
                | (known.equals("svg") ? SVG_ROOT : 0) | (known.equals("form") ? FORM_TAG : 0)
                | (known.equals("a") ? LINK_TAG : 0) | (INLINE.contains(known) ? INLINE_TAG : 0)
                | (Html.BLOCKS.contains(known) ? BLOCK_TAG : 0) | (known.equals("br") ? BR_TAG : 0)
                | (known.equals("div") ? DIV_TAG : 0) | (known.equals("time") ? TIME_TAG : 0)
                | (known.equals("base") ? BASE_TAG : 0);
    }

    private static String[] all() {
        List<String> all = new ArrayList<>(ORDINARY);
        all.addAll(VOID);
        all.addAll(SVG);
        all.addAll(List.of("html", "head", "body"));
        return all.stream().distinct().sorted().toArray(String[]::new);
    }
}
