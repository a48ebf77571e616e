package dev.shenava.crawler;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * robots.txt per host (RFC 9309 via crawler-commons), cached for a day; feeds crawl-delay into politeness.
 */
public final class RobotsRules {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration ERROR_TTL = Duration.ofMinutes(30);

    private final Fetcher fetcher;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    RobotsRules(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Whether robots.txt lets us fetch an address.
     *
     * @param url the address
     * @return true when allowed
     */
    public boolean allowed(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null || rules(parsed).isAllowed(url);
    }

    /**
     * The sitemaps robots.txt lists for an address's site.
     *
     * @param url any address on the site
     * @return sitemap addresses
     */
    public List<String> sitemaps(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? List.of() : List.copyOf(rules(parsed).getSitemaps());
    }

    private BaseRobotRules rules(HttpUrl url) {
        String origin = url.scheme() + "://" + url.host() + ":" + url.port();
        Entry entry = cache.get(origin);
        if (entry == null || entry.expires.isBefore(Instant.now())) {
            entry = load(url, origin);
            cache.put(origin, entry);
        }
        return entry.rules;
    }

    private Entry load(HttpUrl url, String origin) {
        String robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build().toString();
        Fetched answer = fetcher.get(robotsUrl, Map.of());
        BaseRobotRules rules;
        Duration ttl = TTL;
        if (answer.fetched()) {
            rules = parser.parseContent(robotsUrl, answer.body(), answer.header("content-type").orElse("text/plain"),
                    List.of("shenava"));
        } else if (answer.code() >= 400 && answer.code() < 500) {
            rules = parser.failedFetch(answer.code()); // no robots.txt: everything allowed
        } else {
            rules = parser.failedFetch(503);            // unreachable or 5xx: RFC 9309 says assume disallowed
            ttl = ERROR_TTL;
        }
        if (rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > 0) {
            fetcher.crawlDelay(url.host(), Duration.ofMillis(rules.getCrawlDelay()));
        }
        return new Entry(rules, Instant.now().plus(ttl));
    }

    private record Entry(BaseRobotRules rules, Instant expires) {
    }
}
