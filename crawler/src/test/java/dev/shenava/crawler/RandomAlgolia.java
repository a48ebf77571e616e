package dev.shenava.crawler;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Random Algolia answers in the shapes the API sends and the odd ones it could, and random damage to answers. */
final class RandomAlgolia {

    private static final String[] WORDS = {"snapp", "\u0627\u0633\u0646\u067E", "\u0645\u0631\u0633\u06CC",
        "caf\u00e9", "emoji \uD83D\uDE80", "&amp;", "&#x27;", "&#x2F;", "&lt;b&gt;", "<p>", "</p>", "<i>", "</i>",
        "<a href=\\\"https://x.example/?a=1&amp;b=2\\\" rel=\\\"nofollow\\\">link</a>", "<pre><code>x</code></pre>",
        "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u200c", "\\ud83d\\ude00", "\\u0000", "  ", "\u00a0",
        "&nbsp;", "&unknown;", "&#0;", "&#128;", "<br>", "<script>x</script>", "<!-- c -->", "a<b", "x>y",
        "<b>", "</b>", "<em>", "</em>", "&quot;", "&#39;", "&apos;", "<code>", "</code>", "</a>", "\\u003c", "\\u0026",
        "<P>", "&#X27;", "&#x27", "&", "<", "\u0085", "\u0009", "\\u00a0", "\\r\\n"};
    private static final String[] STRING_FIELDS = {"objectID", "comment_text", "story_title", "title", "story_text",
        "created_at", "author"};
    private static final String[] COUNT_FIELDS = {"created_at_i", "points", "num_comments"};
    private static final String[] OTHER_FIELDS = {"url", "story_id", "parent_id", "story_url", "_tags", "updated_at",
        "_highlightResult", "children"};

    private RandomAlgolia() {
    }

    static String answer(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(space(r)).append('{');
        boolean first = true;
        if (r.nextInt(10) > 0) {
            first = member(b, first, r, "hits");
            b.append('[');
            int hits = r.nextInt(6);
            for (int k = 0; k < hits; k++) {
                b.append(k == 0 ? "" : ",").append(space(r));
                hit(b, r);
            }
            b.append(space(r)).append(']');
        }
        if (r.nextBoolean()) {
            first = member(b, first, r, "nbHits");
            b.append(r.nextInt(1000));
        }
        if (r.nextInt(4) > 0) {
            first = member(b, first, r, "nbPages");
            b.append(r.nextInt(20) == 0 ? "null" : r.nextInt(30) == 0 ? "2.0" : Integer.toString(r.nextInt(50)));
        }
        if (r.nextBoolean()) {
            member(b, first, r, "params");
            value(b, r, 0);
        }
        return b.append(space(r)).append('}').append(space(r)).toString();
    }

    private static boolean member(StringBuilder b, boolean first, Random r, String name) {
        b.append(first ? "" : ",").append(space(r)).append('"').append(name).append('"').append(space(r)).append(':')
                .append(space(r));
        return false;
    }

    private static void hit(StringBuilder b, Random r) {
        b.append('{');
        boolean first = true;
        int fields = r.nextInt(12);
        Set<String> used = new HashSet<>();
        boolean twice = r.nextInt(10) == 0; // a field given twice (the tree keeps the last)
        for (int k = 0; k < fields; k++) {
            int kind = r.nextInt(10);
            String name = kind < 5 ? STRING_FIELDS[r.nextInt(STRING_FIELDS.length)]
                    : kind < 8 ? COUNT_FIELDS[r.nextInt(COUNT_FIELDS.length)] : "";
            if (kind < 8 && !used.add(name) && !twice) {
                continue;
            }
            if (kind < 5) {
                first = member(b, first, r, name);
                if (r.nextInt(8) == 0) {
                    b.append("null");
                } else if (r.nextInt(40) == 0) {
                    value(b, r, 0); // another type
                } else if (name.equals("created_at")) {
                    b.append(r.nextBoolean() ? "\"2026-11-21T10:00:00.000Z\"" : "\"" + text(r) + "\"");
                } else {
                    b.append('"').append(text(r)).append('"');
                }
            } else if (kind < 8) {
                first = member(b, first, r, name);
                b.append(switch (r.nextInt(r.nextInt(8) == 0 ? 5 : 40)) {
                    case 0 -> "null";
                    case 1 -> "-" + r.nextInt(100);
                    case 2 -> "1.5";
                    case 3 -> "\"12\"";
                    case 4 -> Long.toString(r.nextLong() & Long.MAX_VALUE);
                    default -> Integer.toString(1_795_000_000 + r.nextInt(1_000_000));
                });
            } else {
                first = member(b, first, r, OTHER_FIELDS[r.nextInt(OTHER_FIELDS.length)]);
                value(b, r, 0);
            }
        }
        if (r.nextInt(4) > 0 && (twice || !used.contains("objectID"))) {
            member(b, first, r, "objectID");
            b.append('"').append(40_000_000 + r.nextInt(1000)).append('"');
        }
        b.append(space(r)).append('}');
    }

    private static String text(Random r) {
        StringBuilder t = new StringBuilder();
        int words = r.nextInt(8);
        for (int k = 0; k < words; k++) {
            t.append(k == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return t.toString();
    }

    private static void value(StringBuilder b, Random r, int depth) {
        switch (depth > 4 ? r.nextInt(4) : r.nextInt(6)) {
            case 0 -> b.append('"').append(text(r)).append('"');
            case 1 -> b.append(switch (r.nextInt(6)) {
                case 0 -> "0";
                case 1 -> "-12.5e3";
                case 2 -> "1E-2";
                case 3 -> "3.25";
                default -> Integer.toString(r.nextInt());
            });
            case 2 -> b.append(r.nextBoolean() ? "true" : "false");
            case 3 -> b.append("null");
            case 4 -> {
                b.append('[');
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    b.append(k == 0 ? "" : ",").append(space(r));
                    value(b, r, depth + 1);
                }
                b.append(space(r)).append(']');
            }
            default -> {
                b.append('{');
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    b.append(k == 0 ? "" : ",").append(space(r)).append("\"k").append(k).append("\":");
                    value(b, r, depth + 1);
                }
                b.append(space(r)).append('}');
            }
        }
    }

    private static String space(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> "\r\n\t";
            default -> "";
        };
    }

    private static final byte[] SIGNIFICANT = {'{', '}', '[', ']', ',', ':', '"', '\\', 'u', 'n', '0', '-', '.', 'e',
        ' ', 0x01, (byte) 0x80, (byte) 0xC3, (byte) 0xE2, (byte) 0xF0, (byte) 0xED, (byte) 0xFF};

    /** The answer with one to three bytes changed, inserted or removed, a span repeated, or its end cut off. */
    static byte[] mutate(byte[] body, Random r) {
        byte[] out = body.clone();
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes && out.length > 1; c++) {
            int at = r.nextInt(out.length);
            byte value = r.nextBoolean() ? SIGNIFICANT[r.nextInt(SIGNIFICANT.length)] : (byte) r.nextInt(256);
            out = switch (r.nextInt(5)) {
                case 0 -> {
                    out[at] = value;
                    yield out;
                }
                case 1 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = value;
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    yield longer;
                }
                case 2 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    yield shorter;
                }
                case 3 -> {
                    int length = Math.min(out.length - at, 1 + r.nextInt(40));
                    byte[] longer = new byte[out.length + length];
                    System.arraycopy(out, 0, longer, 0, at + length);
                    System.arraycopy(out, at, longer, at + length, out.length - at);
                    yield longer;
                }
                default -> Arrays.copyOf(out, Math.max(1, at));
            };
        }
        return out;
    }
}
