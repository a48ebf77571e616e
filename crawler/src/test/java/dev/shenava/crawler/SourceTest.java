package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void acceptsAValidSourceAndCopiesItsCollections() {
        Source s = new Source("tg-news", SourceKind.TELEGRAM, Map.of("channel", "@durov"), List.of("snapp"),
                Duration.ofMinutes(5), null, true);
        assertEquals("", s.credentialEnv());
        assertEquals("@durov", s.param("channel").orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> s.brands().add("x"));
    }

    @Test
    void namesEveryMissingParameterInOneMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Source("x1", SourceKind.X,
                Map.of(), List.of(), Duration.ofMinutes(5), "", true));
        assertTrue(e.getMessage().contains("needs 'query'"), e.getMessage());
        assertTrue(e.getMessage().contains("credentialEnv"), e.getMessage());
    }

    @Test
    void reportsProblemsPerKindWithoutBuilding() {
        assertEquals(List.of(), Source.problems(SourceKind.RSS, Map.of("url", "https://example.com/feed"), ""));
        assertTrue(Source.problems(SourceKind.RSS, Map.of("url", "ftp://example.com/feed"), "").getFirst()
                .contains("absolute http(s)"));
        assertTrue(Source.problems(SourceKind.MASTODON, Map.of("instances", "mastodon.social", "query", "snapp"), "")
                .getFirst().contains("access token"));
        assertEquals(List.of(), Source.problems(SourceKind.MASTODON, Map.of("instances", "m.s", "tag", "snapp"), ""));
        assertTrue(Source.problems(SourceKind.APPSTORE, Map.of("appId", "snapp"), "").getFirst().contains("numeric"));
        assertTrue(Source.problems(SourceKind.YOUTUBE, Map.of("videoId", "v"), "MY KEY").getFirst()
                .contains("not an environment variable name"));
        assertTrue(Source.problems(SourceKind.TELEGRAM, Map.of("channel", "a b"), "").getFirst().contains("channel"));
    }

    @Test
    void rejectsBadIdsAndIntervals() {
        assertThrows(IllegalArgumentException.class, () -> new Source("Bad Id", SourceKind.HACKERNEWS,
                Map.of("query", "q"), List.of(), Duration.ofMinutes(1), "", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Source("hn",
                SourceKind.HACKERNEWS, Map.of("query", "q"), List.of(), Duration.ofMillis(10), "", true));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    @Test
    void readsChannelNamesFromLinksAndHandles() {
        assertEquals("durov", Source.channelName("https://t.me/s/durov"));
        assertEquals("durov", Source.channelName("@durov"));
        assertEquals("durov", Source.channelName("t.me/durov/123"));
    }
}
