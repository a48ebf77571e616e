package dev.shenava.crawler;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP answer as the crawler saw it: outcome, status code, headers, body bytes.
 *
 * @param url       final address (after redirects)
 * @param status    the outcome
 * @param code      HTTP status code, 0 when no answer arrived
 * @param headers   response headers, names lower-case (last value wins)
 * @param body      body bytes (decompressed), empty when none
 * @param reason    what went wrong in words a person can act on, empty when fine
 * @param fetchedAt when the answer arrived
 */
public record Fetched(String url,
                      CrawlStatus status,
                      int code,
                      Map<String, String> headers,
                      byte[] body,
                      String reason,
                      Instant fetchedAt) {

    public Fetched {
        url = url == null ? "" : url;
        headers = lowerCase(headers);
        body = body == null ? new byte[0] : body;
        reason = reason == null ? "" : reason;
        fetchedAt = fetchedAt == null ? Instant.now() : fetchedAt;
    }

    /**
     * The headers with lower-case names, immutable: the map itself when it is that already (a fetch builds it so),
     * else a copy.
     */
    private static Map<String, String> lowerCase(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        for (String name : headers.keySet()) {
            if (!isLowerCase(name)) {
                TreeMap<String, String> lower = new TreeMap<>();
                headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
                return Map.copyOf(lower);
            }
        }
        return Map.copyOf(headers); // no copy when already immutable
    }

    /** Whether {@code name.toLowerCase(Locale.ROOT)} is the name itself, for ASCII names (false for others). */
    static boolean isLowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7F) { // other than ASCII: the copy lower-cases it as before
                return false;
            }
        }
        return true;
    }

    /**
     * A saved response, as {@code crawl parse} reads it.
     *
     * @param url     where it came from
     * @param headers its headers
     * @param body    its bytes
     * @return a fetched answer with status 200
     */
    public static Fetched of(String url, Map<String, String> headers, byte[] body) {
        return new Fetched(url, CrawlStatus.FETCHED, 200, headers, body, "", Instant.now());
    }

    /**
     * A failed fetch.
     *
     * @param url    the address
     * @param status the outcome
     * @param code   HTTP code or 0
     * @param reason what went wrong
     * @return the answer
     */
    public static Fetched failed(String url, CrawlStatus status, int code, String reason) {
        return new Fetched(url, status, code, Map.of(), new byte[0], reason, Instant.now());
    }

    /**
     * A header's value.
     *
     * @param name header name, any case
     * @return the value
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The charset the body is in (header, byte-order mark, XML declaration, HTML meta, UTF-8 validity).
     *
     * @return the charset
     */
    public Charset charset() {
        return Charsets.detect(body, header("content-type").orElse(""));
    }

    /**
     * The body decoded with {@link #charset()}, byte-order mark removed.
     *
     * @return the text
     */
    public String text() {
        return Charsets.decode(body, charset());
    }

    /**
     * Whether the body should be read (a fetched 2xx answer).
     *
     * @return true when the status is {@link CrawlStatus#FETCHED}
     */
    public boolean fetched() {
        return status == CrawlStatus.FETCHED;
    }
}
