package dev.shenava.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shenava.crawler.SourceKind;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source as the API shows and stores it.
 *
 * @param id              unique id
 * @param kind            rss, web, telegram, ...
 * @param params          kind-specific parameters
 * @param brands          brand ids it serves
 * @param intervalSeconds how often to poll
 * @param credentialEnv   name of the environment variable holding its credential, or null
 * @param enabled         whether it is polled
 * @param status          polling state as the crawler records it; ignored on input
 * @param origin          {@code configuration} for a source from the configuration file's {@code sources} list (not
 *                        stored; a source stored with the same id replaces it); null for one added through the API;
 *                        ignored on input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceBody(String id, String kind, Map<String, String> params, List<String> brands,
                         Long intervalSeconds, String credentialEnv, Boolean enabled,
                         Map<String, Object> status, String origin) {

    /** The {@link #origin} of a source from the configuration file. */
    public static final String CONFIGURATION = "configuration";

    private static final long DEFAULT_INTERVAL = 900;

    /**
     * Checks a source and returns it in its stored form (without status).
     *
     * @param id   the id (from the path, or the body's)
     * @param body the body
     * @return the validated source
     * @throws IllegalArgumentException saying what to fix
     */
    public static SourceBody validated(String id, SourceBody body) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("source id must be 1-64 lower-case letters, digits, '.', '_' or '-', "
                    + "was '" + MentionParams.shorten(String.valueOf(id)) + "'");
        }
        SourceKind kind = SourceKind.parse(body.kind());
        Map<String, String> params = body.params() == null ? Map.of() : new TreeMap<>(body.params());
        long interval = body.intervalSeconds() == null ? DEFAULT_INTERVAL : body.intervalSeconds();
        if (interval < 1) {
            throw new IllegalArgumentException("intervalSeconds must be at least 1, was " + interval);
        }
        String credentialEnv = body.credentialEnv() == null || body.credentialEnv().isBlank() ? null
                : body.credentialEnv().strip();
        SourceValidation.check(id, kind, params, credentialEnv, interval);
        List<String> brands = body.brands() == null ? List.of() : List.copyOf(body.brands());
        return new SourceBody(id, kind.id(), params, brands, interval, credentialEnv,
                body.enabled() == null || body.enabled(), null, null);
    }

    /**
     * A source of the configuration file, as the API shows it.
     *
     * @param source the source as the crawler polls it
     * @return the source, with origin {@code configuration}
     */
    public static SourceBody configured(dev.shenava.crawler.Source source) {
        return new SourceBody(source.id(), source.kind().id(), new TreeMap<>(source.params()), source.brands(),
                source.interval().toSeconds(), source.credentialEnv().isBlank() ? null : source.credentialEnv(),
                source.enabled(), null, CONFIGURATION);
    }

    /**
     * This source with its crawl status attached (read-only, for GET).
     *
     * @param status lastSuccess, lastError, postsFetched, nextPoll, state; null when never polled
     * @return the source as shown
     */
    public SourceBody withStatus(Map<String, Object> status) {
        return new SourceBody(id, kind, params, brands, intervalSeconds, credentialEnv, enabled, status, origin);
    }
}
