package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner of plainly nested markup reports what it reads in order, and refuses what the tree builder reshapes. */
class PlainHtmlScannerTest {

    /** Writes each event as a line: "+name@depth attributes", "-name@depth", "text". */
    private static final class Recorder implements PlainHtmlScanner.Listener {
        final List<String> events = new ArrayList<>();
        PlainHtmlScanner scanner;

        @Override
        public void transparent() throws PlainHtmlScanner.Unusual {
            events.add("transparent " + scanner.attribute(0));
        }

        @Override
        public void start(String name, int depth) throws PlainHtmlScanner.Unusual {
            events.add("+" + name + "@" + depth + " " + scanner.attribute(0) + " " + scanner.attribute(1));
        }

        @Override
        public void end(String name, int depth) {
            events.add("-" + name + "@" + depth);
        }

        @Override
        public boolean wantsText() {
            return true;
        }

        @Override
        public void text(char[] text, int begin, int end) {
            events.add("'" + new String(text, begin, end - begin) + "'");
        }
    }

    private static List<String> scan(String html) throws PlainHtmlScanner.Unusual {
        return scan(new PlainHtmlScanner(html.getBytes(StandardCharsets.UTF_8), 0, "class", "href"));
    }

    private static List<String> scan(PlainHtmlScanner scanner) throws PlainHtmlScanner.Unusual {
        Recorder recorder = new Recorder();
        recorder.scanner = scanner;
        scanner.scan(recorder);
        return recorder.events;
    }

    @Test
    void reportsElementsTextAndTheAttributesAskedFor() throws Exception {
        assertEquals(List.of("transparent x", "+div@1 a&b null", "'Hi '", "+a@2 null /p?q=1&r", "'you'", "-a@2",
                "+br@2 null null", "-br@2", "-div@1"),
                scan("<!DOCTYPE html><body class=x><DIV Class=\"a&amp;b\" CLASS=second id=i>Hi "
                        + "<a HREF='/p?q=1&r'>you</a><br></div><!-- a comment --></body>"));
    }

    @Test
    void readsScriptAsDataAndTitleAsText() throws Exception {
        assertEquals(List.of("+script@1 null null", "-script@1", "+title@1 null null", "'A &amp; B'", "-title@1"),
                scan("<script>if (a <b) {}</script><title>A &amp; B</title>"));
    }

    @Test
    void closesWhatIsOpenAtTheEnd() throws Exception {
        assertEquals(List.of("+div@1 null null", "+span@2 null null", "'left open'", "-span@2", "-div@1"),
                scan("<div><span>left open"));
    }

    @Test
    void decodesTextFromUtf8BytesBetweenMarkup() throws Exception {
        byte[] bytes = "<span class=\"نام\">سلام دنیا</span>".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("+span@1 نام null", "'سلام دنیا'", "-span@1"),
                scan(new PlainHtmlScanner(bytes, 0, "class", "href")));
    }

    @Test
    void closesElementsByEndTagsInAnyCaseAndWithSpaceBeforeTheirEnd() throws Exception {
        assertEquals(List.of("+section@1 null null", "+span@2 null null", "'a'", "-span@2", "+h2@2 null null", "'b'",
                "-h2@2", "+time@2 null null", "-time@2", "-section@1", "' '"),
                scan("<section><span>a</SPAN ><h2>b</H2><time></tImE\n></Section> "));
    }

    @Test
    void refusesMarkupTheTreeBuilderReshapes() {
        for (String html : List.of("<div><span></div></span>", "<p>paragraph</p>", "<a><a>nested</a></a>",
                "<h1><h2>heading</h2></h1>", "<form><form></form></form>", "<!-- a --!> b -->", "<?pi?>",
                "<div class=\"open>", "<div></span>", "<div><body></div>", "<![CDATA[x]]>", "<svg><div></div></svg>",
                "<script><!--<script></script>--></script>", "<div a=b\"c></div>", "<table></table>",
                "<div></dip>", "<div></div\u0001>", "<span></span x>", "<div></divv>", "<h1></h\u0011>")) {
            assertThrows(PlainHtmlScanner.Unusual.class, () -> scan(html), html);
        }
    }
}
