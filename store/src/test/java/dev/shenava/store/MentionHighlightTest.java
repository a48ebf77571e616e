package dev.shenava.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionHighlightTest {

    @Test
    void marksTheOriginalSpellingOfAWordFoundInTheSearchForm() {
        List<String> fragments = MentionHighlight.original("كيفيت ارسال خيلي بد بود",
                List.of("<mark>کیفیت</mark> ارسال خیلی بد بود"));
        assertEquals(List.of("<mark>كيفيت</mark> ارسال خيلي بد بود"), fragments);
    }

    @Test
    void escapesTheOriginalTextAroundTheMarks() {
        List<String> fragments = MentionHighlight.original("Tom & <b>Jerry</b> said: \"courier late\"",
                List.of("tom jerry said <mark>courier</mark> <mark>late</mark>"));
        assertEquals(List.of("Tom &amp; &lt;b&gt;Jerry&lt;/b&gt; said: &quot;<mark>courier</mark> <mark>late</mark>&quot;"),
                fragments);
    }

    @Test
    void cutsLongTextsIntoFragmentsAroundTheMatchesWithoutHalfWords() {
        String filler = "word ".repeat(60);
        String text = filler + "refund " + filler + "refund " + filler;
        List<String> fragments = MentionHighlight.original(text, List.of("<mark>refund</mark>"));
        assertEquals(2, fragments.size(), fragments.toString());
        for (String f : fragments) {
            assertTrue(f.contains("<mark>refund</mark>") && f.length() < 220, f);
            assertTrue(f.startsWith("word") && f.endsWith("word"), f);
        }
    }

    @Test
    void keepsTheSearchFormFragmentsWhenNoOriginalWordMatches() {
        List<String> es = List.of("<mark>میکنند</mark> خوب");
        assertEquals(es, MentionHighlight.original("something else entirely", es));
    }
}
