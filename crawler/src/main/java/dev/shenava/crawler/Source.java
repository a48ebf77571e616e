package dev.shenava.crawler;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A configured source: where mentions come from, how often to poll it, and which brands it serves.
 *
 * <p>Parameters per kind (see {@link #problems(SourceKind, Map, String)} for what is required):
 * <ul>
 *   <li>{@code rss}: {@code url}</li>
 *   <li>{@code web}: {@code url} (a page, a sitemap, or a site root whose robots.txt lists sitemaps);
 *       optional {@code max-pages}</li>
 *   <li>{@code telegram}: {@code channel} (public channel name, with or without {@code @}); optional {@code query}</li>
 *   <li>{@code reddit}: {@code query} and/or {@code subreddit}</li>
 *   <li>{@code mastodon}: {@code instances} (comma separated hosts) and {@code tag} or {@code query}
 *       (free-text search needs a token)</li>
 *   <li>{@code hackernews}: {@code query}; optional {@code tags} (default {@code (story,comment)})</li>
 *   <li>{@code bluesky}: {@code query}; credential {@code handle:app-password}</li>
 *   <li>{@code x}: {@code query}; credential a bearer token</li>
 *   <li>{@code youtube}: {@code videoId} or {@code channelId}; optional {@code query}; credential an API key</li>
 *   <li>{@code appstore}: {@code appId}; optional {@code country} (comma separated, default {@code us})</li>
 * </ul>
 * Every kind accepts an optional {@code url} or {@code base-url} override of the API endpoint.
 *
 * @param id            unique id, lower-case letters, digits, {@code -}, {@code _} or {@code .}
 * @param kind          what kind of source it is
 * @param params        kind-specific parameters
 * @param brands        ids of the brands this source serves (opaque to the crawler)
 * @param interval      how often to poll
 * @param credentialEnv name of the environment variable holding the credential, empty when none
 * @param enabled       whether the scheduler polls it
 */
public record Source(String id,
                     SourceKind kind,
                     Map<String, String> params,
                     List<String> brands,
                     Duration interval,
                     String credentialEnv,
                     boolean enabled) {

    /** The shortest polling interval accepted. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_]{4,32}");

    public Source {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("source id '" + id + "' is not valid: use 1-64 lower-case letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (kind == null) {
            throw new IllegalArgumentException("source '" + id + "' needs a kind");
        }
        params = params == null ? Map.of() : Map.copyOf(new TreeMap<>(params));
        brands = brands == null ? List.of() : List.copyOf(brands);
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        credentialEnv = credentialEnv == null ? "" : credentialEnv.trim();
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("source '" + id + "': interval " + interval
                    + " is too short; use at least " + MIN_INTERVAL.toSeconds() + " second(s)");
        }
        List<String> problems = problems(kind, params, credentialEnv);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("source '" + id + "' (" + kind.id() + "): "
                    + String.join("; ", problems));
        }
    }

    /**
     * A parameter's value, trimmed; empty when absent or blank.
     *
     * @param name parameter name
     * @return the value
     */
    public Optional<String> param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A parameter's value, or a default.
     *
     * @param name     parameter name
     * @param fallback value when absent
     * @return the value
     */
    public String param(String name, String fallback) {
        return param(name).orElse(fallback);
    }

    /**
     * Checks what a source of this kind needs, without building one (the API uses it to answer 400).
     *
     * @param kind          the kind
     * @param params        its parameters
     * @param credentialEnv the credential variable name, may be empty
     * @return problems a person can fix, empty when the source is valid
     */
    public static List<String> problems(SourceKind kind, Map<String, String> params, String credentialEnv) {
        Objects.requireNonNull(kind, "kind");
        Map<String, String> p = params == null ? Map.of() : params;
        String cred = credentialEnv == null ? "" : credentialEnv.trim();
        List<String> out = new ArrayList<>();
        if (!cred.isEmpty() && !ENV.matcher(cred).matches()) {
            out.add("credentialEnv '" + cred + "' is not an environment variable name (letters, digits, '_')");
        }
        for (String key : List.of("url", "base-url")) {
            if (has(p, key)) {
                checkUrl(key, p.get(key), out);
            }
        }
        switch (kind) {
            case RSS, WEB -> require(p, "url", "the feed or page address, e.g. https://example.com/feed.xml", out);
            case TELEGRAM -> {
                require(p, "channel", "the public channel name, e.g. durov", out);
                if (has(p, "channel") && !CHANNEL.matcher(channelName(p.get("channel"))).matches()) {
                    out.add("channel '" + p.get("channel") + "' is not a public channel name (4-32 letters, digits, '_')");
                }
            }
            case REDDIT -> {
                if (!has(p, "query") && !has(p, "subreddit")) {
                    out.add("needs 'query' (search words) and/or 'subreddit' (e.g. iran)");
                }
            }
            case MASTODON -> {
                require(p, "instances", "comma-separated instance hosts, e.g. mastodon.social", out);
                if (!has(p, "tag") && !has(p, "query")) {
                    out.add("needs 'tag' (a hashtag without #) or 'query' (free-text search, needs a token)");
                }
                if (!has(p, "tag") && has(p, "query") && cred.isEmpty()) {
                    out.add("free-text 'query' search needs an access token: set 'credentialEnv', or use 'tag'");
                }
            }
            case HACKERNEWS -> require(p, "query", "the search words", out);
            case BLUESKY -> {
                require(p, "query", "the search words", out);
                requireCredential(cred, "handle:app-password (searchPosts needs a session)", out);
            }
            case X -> {
                require(p, "query", "an X search query, e.g. snapp lang:fa -is:retweet", out);
                requireCredential(cred, "an API v2 bearer token", out);
            }
            case YOUTUBE -> {
                if (!has(p, "videoId") && !has(p, "channelId")) {
                    out.add("needs 'videoId' or 'channelId'");
                }
                requireCredential(cred, "a YouTube Data API key", out);
            }
            case APPSTORE -> {
                require(p, "appId", "the numeric App Store id, e.g. 1510826067", out);
                if (has(p, "appId") && !p.get("appId").trim().matches("(id)?\\d{3,15}")) {
                    out.add("appId '" + p.get("appId") + "' must be the numeric App Store id");
                }
            }
        }
        return List.copyOf(out);
    }

    static String channelName(String raw) {
        String c = raw.trim();
        c = c.replaceFirst("^(https?://)?(t\\.me|telegram\\.me)/(s/)?", "");
        c = c.startsWith("@") ? c.substring(1) : c;
        int slash = c.indexOf('/');
        return slash >= 0 ? c.substring(0, slash) : c;
    }

    private static boolean has(Map<String, String> p, String key) {
        return p.get(key) != null && !p.get(key).isBlank();
    }

    private static void require(Map<String, String> p, String key, String what, List<String> out) {
        if (!has(p, key)) {
            out.add("needs '" + key + "': " + what);
        }
    }

    private static void requireCredential(String cred, String what, List<String> out) {
        if (cred.isEmpty()) {
            out.add("needs 'credentialEnv': the name of the environment variable holding " + what);
        }
    }

    private static void checkUrl(String key, String value, List<String> out) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                out.add("'" + key + "' must be an absolute http(s) address, was '" + value + "'");
            }
        } catch (Exception e) {
            out.add("'" + key + "' is not a valid address: '" + value + "'");
        }
    }
}
