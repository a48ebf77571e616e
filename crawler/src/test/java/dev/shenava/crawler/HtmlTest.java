package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlTest {

    private static final List<String> PIECES = List.of("Late delivery", " ", "  \n ", "\t", "ارسال سفارش", "&amp;",
            "&#x27;ok&#x27;", "&lt;b&gt;", "&#39;", "&#1575;", "&#x1F600;", "&#150;", "&#0;", "&#x110000;", "&#xD800;",
            "&quot;", "&apos;", "&#10;", "&#9;", "&#13;", "&#+5;", "&#x;", "&amp", "&#65", "&AMP;", "&hellip;", "&nbsp;", "&copy", "&unknown;", "AT&T", "don\u0092t", "x", "<p>", "</p>",
            "<br>", "<br/>", "</br>", "<P>", "<b>", "</b>", "<i>", "</i>", "<a href=\"https://e.example/?a=1&amp;b=2\">",
            "<a href='x>y'>", "<a href=x>", "</a>", "<span class=\"q\">", "</span>", "<code>", "</code>", "<p/>",
            "<em >", "</em>", "<div>", "</div>", "<ul><li>", "</li></ul>", "<pre>", "</pre>", "<!-- c -->",
            "<script>x()</script>", "< b", "<p:x>", "<a b\"c>", "<table><tr><td>", "</td></tr></table>", "<",
            "<a href=\"unclosed", "\u0000", "<h2>", "</h2>", "<font color=red>", "</font>", "\u001F", "\u000B");

    @Test
    void simpleMarkupReadsTheSameTextAsJsoupsTree() {
        Random random = new Random(20261122);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                html.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String fragment = html.toString();
            String simple = Html.simpleMarkup(fragment);
            if (simple != null) {
                fast++;
                assertEquals(Html.text(Jsoup.parseBodyFragment(fragment).body()), simple, fragment);
            }
        }
        assertTrue(fast > 3_000, "the one-scan reader took only " + fast + " of 20000 fragments");
    }

    @Test
    void textFromCharsIsTheTextOfTheString() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                html.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String fragment = html.toString();
            char[] chars = ("<p>&amp;" + fragment + "&#x27;</p>").toCharArray(); // read from the middle
            assertEquals(Html.text(fragment), Html.text(chars, 8, 8 + fragment.length()), fragment);
        }
    }

    @Test
    void leavesTreeShapedMarkupToJsoup() {
        assertNull(Html.simpleMarkup("<ul><li>one</li></ul>"));
        assertNull(Html.simpleMarkup("a <!-- hidden --> b"));
        assertNull(Html.simpleMarkup("x <script>alert(1)</script>"));
        assertEquals("one\ntwo", Html.text("<ul><li>one</li><li>two</li></ul>"));
        assertEquals("Support said \"soon\"\nIt wasn't.", Html.text("<p>Support said &quot;soon&quot;<p>It wasn&#x27;t."));
    }

    @Test
    void classTestAgreesWithJsoup() {
        List<String> values = List.of("", " ", "a", "A", "ab", "a b", " a ", "b\ta", "ba", "a\u00A0b", "x a\n", "aa a",
                "a\u2003b", "a\u202Fb", "\u001Fab",
                "tgme_widget_message js-widget_message", "TGME_WIDGET_MESSAGE", "tgme_widget_message_text",
                "\u212A", "k", "K", "\u017F", "S x \u212A", "xk x\u212A", "message_views", "message_viewS",
                "message_view\u017F", "js-widget_messagE tgme_widget_messag");
        String[] names = {"a", "b", "ab", "tgme_widget_message", "js-widget_message", "k", "s", "message_views",
            "\u212A", "Upper", "x\u212A"};
        Html.ClassNames index = new Html.ClassNames(names);
        for (String value : values) {
            org.jsoup.nodes.Element e = new org.jsoup.nodes.Element("div").attr("class", value);
            long bits = Html.classBits(value, index);
            for (int i = 0; i < names.length; i++) {
                assertEquals(e.hasClass(names[i]), Html.hasClass(value, names[i]), "'" + value + "' has " + names[i]);
                assertEquals(e.hasClass(names[i]), (bits & 1L << i) != 0, "'" + value + "' bit of " + names[i]);
            }
        }
    }

    @Test
    void classTestInPlaceAgreesWithTheStringOneOrDeclines() {
        char[] alphabet = {'a', 'b', 'k', 'K', '_', '-', ' ', '\t', '\n', '\u000B', '\u001F', '&', '\u00E2', '\u0084',
            '\u00AA', '\u00A0', '\u0085', 'x'};
        Html.ClassNames index = new Html.ClassNames("a", "ab", "k", "a_b", "x-k", "\u212A");
        Random random = new Random(11);
        int inPlace = 0;
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(10)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(text);
            String around = "<x class=\"" + value + "\">";
            long bits = Html.asciiClassBits(around.getBytes(java.nio.charset.StandardCharsets.UTF_8), 10,
                    10 + value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, index);
            if (bits != -1) {
                inPlace++;
                assertEquals(Html.classBits(value, index), bits, "'" + value + "'");
            } else {
                assertTrue(value.chars().anyMatch(c -> c >= 0x80 || c == '&'), "declined '" + value + "'");
            }
        }
        assertTrue(inPlace > 5_000, "read in place only " + inPlace + " of 20000 values");
    }

    @Test
    void cleaningAgreesWithTheOneLoopReference() {
        char[] alphabet = {'a', 'Z', '.', ' ', ' ', '\n', '\r', '\t', '\f', '\u000B', '\u00A0', '\u0085', '\u0092',
            '\u007F', '\u0001', '\u0628', '\u200C', '\uD83D', '\uDE00'};
        Random random = new Random(3);
        for (int k = 0; k < 20_000; k++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String input = new String(text);
            assertEquals(reference(input), Html.clean(input), "'" + input + "'");
        }
    }

    /** Runs of spaces collapsed within lines, blank lines dropped, trimmed, C1 characters read as windows-1252. */
    private static String reference(String text) {
        String cp1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D"
                + "\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153"
                + "\u009D\u017E\u0178";
        StringBuilder out = new StringBuilder();
        boolean space = false;
        boolean newline = false;
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r') {
                newline = out.length() > 0;
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
                space = out.length() > 0;
            } else {
                out.append(newline ? "\n" : space ? " " : "");
                newline = false;
                space = false;
                out.append(c >= 0x80 && c <= 0x9F ? cp1252.charAt(c - 0x80) : c);
            }
        }
        return out.toString();
    }
}
