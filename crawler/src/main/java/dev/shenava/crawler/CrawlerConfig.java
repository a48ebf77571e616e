package dev.shenava.crawler;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The crawler's settings (the {@code crawler} configuration subtree).
 *
 * @param userAgent            {@code crawler.user-agent}
 * @param allowPrivateNetworks {@code crawler.allow-private-networks}: let sources reach loopback and private addresses
 * @param connectTimeout       {@code crawler.connect-timeout}
 * @param readTimeout          {@code crawler.read-timeout}: the longest silence on a connection, reading or writing
 * @param callTimeout          {@code crawler.call-timeout}: whole call including retries
 * @param maxBodyBytes         {@code crawler.max-body-bytes}: cap on a decompressed response body
 * @param maxRetries           {@code crawler.max-retries}
 * @param backoff              {@code crawler.backoff}: first retry delay, doubled each time
 * @param maxBackoff           {@code crawler.max-backoff}: longest wait we accept before a retry (also caps Retry-After)
 * @param hostDelay            {@code crawler.host-delay}: pause between two requests to one host
 * @param maxCrawlDelay        {@code crawler.max-crawl-delay}: cap on a robots.txt crawl-delay
 * @param maxPages             {@code crawler.max-pages}: pages fetched per source per poll
 * @param jitter               {@code crawler.jitter}: fraction of the interval added at random to each poll
 */
public record CrawlerConfig(String userAgent,
                            boolean allowPrivateNetworks,
                            Duration connectTimeout,
                            Duration readTimeout,
                            Duration callTimeout,
                            long maxBodyBytes,
                            int maxRetries,
                            Duration backoff,
                            Duration maxBackoff,
                            Duration hostDelay,
                            Duration maxCrawlDelay,
                            int maxPages,
                            double jitter) {

    /** The user agent sent unless configured otherwise. */
    public static final String DEFAULT_USER_AGENT =
            "Shenava/0.1 (+https://github.com/shenava/shenava; social listening crawler)";

    public CrawlerConfig {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("crawler.user-agent must not be empty");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("crawler.max-body-bytes must be at least 1024");
        }
        if (maxRetries < 0 || maxPages < 1) {
            throw new IllegalArgumentException("crawler.max-retries must be >= 0 and crawler.max-pages >= 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("crawler.jitter must be between 0 and 1");
        }
    }

    /**
     * Production defaults.
     *
     * @return the defaults
     */
    public static CrawlerConfig defaults() {
        return new CrawlerConfig(DEFAULT_USER_AGENT, false, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(3), 10L << 20, 3, Duration.ofSeconds(2), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 0.1);
    }

    /**
     * Reads settings from flat keys without the {@code crawler.} prefix ({@code user-agent}, {@code host-delay}
     * as ISO-8601 or seconds...), falling back to the defaults.
     *
     * @param values key lookup, returning null for absent keys
     * @return the settings
     */
    public static CrawlerConfig from(Function<String, String> values) {
        CrawlerConfig d = defaults();
        Reader r = new Reader(values);
        return new CrawlerConfig(r.text("user-agent", d.userAgent), r.bool("allow-private-networks", false),
                r.duration("connect-timeout", d.connectTimeout), r.duration("read-timeout", d.readTimeout),
                r.duration("call-timeout", d.callTimeout), r.number("max-body-bytes", d.maxBodyBytes),
                (int) r.number("max-retries", d.maxRetries), r.duration("backoff", d.backoff),
                r.duration("max-backoff", d.maxBackoff), r.duration("host-delay", d.hostDelay),
                r.duration("max-crawl-delay", d.maxCrawlDelay), (int) r.number("max-pages", d.maxPages),
                Double.parseDouble(r.text("jitter", String.valueOf(d.jitter))));
    }

    /**
     * Settings from a map of keys without the prefix.
     *
     * @param values the keys
     * @return the settings
     */
    public static CrawlerConfig from(Map<String, String> values) {
        return from(values::get);
    }

    /**
     * Same settings, with the private-network guard relaxed or not.
     *
     * @param allow whether private networks may be reached
     * @return a copy
     */
    public CrawlerConfig withAllowPrivateNetworks(boolean allow) {
        return new CrawlerConfig(userAgent, allow, connectTimeout, readTimeout, callTimeout, maxBodyBytes,
                maxRetries, backoff, maxBackoff, hostDelay, maxCrawlDelay, maxPages, jitter);
    }

    /**
     * Same settings with other waits (tests and benchmarks use short ones).
     *
     * @param backoff    first retry delay
     * @param maxBackoff longest accepted wait
     * @param hostDelay  pause between requests to one host
     * @return a copy
     */
    public CrawlerConfig withWaits(Duration backoff, Duration maxBackoff, Duration hostDelay) {
        return new CrawlerConfig(userAgent, allowPrivateNetworks, connectTimeout, readTimeout, callTimeout,
                maxBodyBytes, maxRetries, backoff, maxBackoff, hostDelay, maxCrawlDelay, maxPages, jitter);
    }

    /**
     * Same settings with other timeouts and body cap.
     *
     * @param read         read timeout
     * @param call         whole-call timeout
     * @param maxBodyBytes body cap
     * @return a copy
     */
    public CrawlerConfig withLimits(Duration read, Duration call, long maxBodyBytes) {
        return new CrawlerConfig(userAgent, allowPrivateNetworks, connectTimeout, read, call, maxBodyBytes,
                maxRetries, backoff, maxBackoff, hostDelay, maxCrawlDelay, maxPages, jitter);
    }

    private record Reader(Function<String, String> values) {
        String text(String key, String fallback) {
            String v = values.apply(key);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        boolean bool(String key, boolean fallback) {
            return Boolean.parseBoolean(text(key, String.valueOf(fallback)));
        }

        long number(String key, long fallback) {
            String v = text(key, null);
            try {
                return v == null ? fallback : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("crawler." + key + " must be a whole number, was '" + v + "'");
            }
        }

        Duration duration(String key, Duration fallback) {
            String v = text(key, null);
            if (v == null) {
                return fallback;
            }
            try {
                return v.matches("\\d+(\\.\\d+)?") ? Duration.ofMillis((long) (Double.parseDouble(v) * 1000))
                        : Duration.parse(v.toUpperCase().startsWith("P") ? v : "PT" + v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("crawler." + key + " must be seconds or a duration like PT5S,"
                        + " was '" + v + "'");
            }
        }
    }
}
