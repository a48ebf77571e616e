package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Header names kept lower-case without a copy when they are already, and rate-limit headers found in one pass. */
class FetchedHeadersTest {

    private static Fetched fetched(Map<String, String> headers) {
        return new Fetched("https://x.example/", CrawlStatus.FETCHED, 200, headers, new byte[0], "", Instant.EPOCH);
    }

    @Test
    void headersAreKeptByLowerCaseNameAsTheCopyKeptThem() {
        Random random = new Random(5);
        String letters = "aAzZ-_0\u0130\u00C9k\u212A";
        for (int round = 0; round < 5000; round++) {
            Map<String, String> headers = new HashMap<>();
            int n = random.nextInt(5);
            for (int k = 0; k < n; k++) {
                StringBuilder name = new StringBuilder();
                int length = 1 + random.nextInt(4);
                for (int c = 0; c < length; c++) {
                    name.append(letters.charAt(random.nextInt(letters.length())));
                }
                headers.put(name.toString(), "v" + k);
            }
            TreeMap<String, String> lower = new TreeMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            assertEquals(lower, fetched(headers).headers(), headers.toString());
        }
        Map<String, String> already = Map.of("content-type", "text/plain", "etag", "\"1\"");
        assertSame(already, fetched(already).headers());
        assertEquals("text/plain", fetched(already).header("Content-Type").orElseThrow());
    }

    @Test
    void rateLimitHeadersAreFoundInAnyCase() {
        assertEquals(false, RetryInterceptor.mentionsWaits(Headers.of("Content-Type", "text/plain", "ETag", "x")));
        for (String name : new String[] {"retry-after", "Retry-After", "X-RateLimit-Reset", "x-rate-limit-reset",
            "RateLimit-Reset", "x-ratelimit-remaining", "X-Rate-Limit-Remaining", "ratelimit-remaining"}) {
            assertEquals(true, RetryInterceptor.mentionsWaits(Headers.of("Date", "x", name, "1")), name);
        }
    }
}
