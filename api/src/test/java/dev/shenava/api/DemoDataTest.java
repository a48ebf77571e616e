package dev.shenava.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-05-20T12:34:56Z");

    @Test
    void isDeterministicWithStableIds() {
        List<DemoData.DemoPost> a = DemoData.generate(NOW);
        assertEquals(a, DemoData.generate(NOW));
        List<DemoData.DemoPost> later = DemoData.generate(NOW.plus(Duration.ofDays(3)));
        assertEquals(a.stream().map(p -> p.post().nativeId()).toList(), later.stream().map(p -> p.post().nativeId()).toList());
    }

    @Test
    void coversThirtyDaysThreeLanguagesThreeBrandsAndSeveralSourceKinds() {
        List<DemoData.DemoPost> posts = DemoData.generate(NOW);
        assertTrue(posts.size() > 2_800 && posts.size() < 3_500, "size " + posts.size());
        assertTrue(posts.stream().allMatch(p -> !p.post().publishedAt().isAfter(NOW)
                && p.post().publishedAt().isAfter(NOW.minus(Duration.ofDays(31)))));
        assertEquals(Map.of("fa", true, "ar", true, "en", true), posts.stream()
                .collect(Collectors.toMap(DemoData.DemoPost::lang, p -> true, (x, y) -> x)));
        assertEquals(3, posts.stream().map(DemoData.DemoPost::brand).distinct().count());
        assertTrue(posts.stream().map(p -> p.post().kind()).distinct().count() >= 5);
    }

    @Test
    void hasABurstOfZoodbarDeliveryComplaintsThreeToFourDaysAgo() {
        List<DemoData.DemoPost> posts = DemoData.generate(NOW);
        Instant from = NOW.minus(Duration.ofDays(4));
        Instant to = NOW.minus(Duration.ofDays(3));
        long inBurst = posts.stream().filter(p -> p.brand().equals("zoodbar") && inRange(p, from, to)).count();
        long weekBefore = posts.stream().filter(p -> p.brand().equals("zoodbar")
                && inRange(p, from.minus(Duration.ofDays(7)), to.minus(Duration.ofDays(7)))).count();
        assertTrue(inBurst > 3 * weekBefore, inBurst + " in the burst day vs " + weekBefore + " a week before");
    }

    private static boolean inRange(DemoData.DemoPost p, Instant from, Instant to) {
        return !p.post().publishedAt().isBefore(from) && p.post().publishedAt().isBefore(to);
    }
}
