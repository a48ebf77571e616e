package dev.shenava.crawler;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Canonical URLs: scheme and host lower-cased, fragment and tracking parameters removed, redirect wrappers
 * (Google's {@code /url?url=}) unwrapped.
 */
public final class Urls {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref_src", "ref_url", "cmpid", "ocid", "twclid",
            "s_cid", "mkt_tok", "_hsenc", "_hsmi", "oly_enc_id", "oly_anon_id", "vero_id", "rb_clickid", "spm");

    private static final Pattern GOOGLE = Pattern.compile("(www\\.)?google\\.[a-z.]+");

    /** Path characters OkHttp writes as they are. */
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";
    /** Query characters OkHttp writes as they are and reads the same in names and values. */
    private static final String QUERY_SAFE = "-._~!$(),;:@/?*";

    /** Per ASCII character: 1 when a path may hold it as it is, 2 when a query value may. */
    private static final byte[] SAFE = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            SAFE[c] = (byte) ((alphanumeric || PATH_SAFE.indexOf(c) >= 0 ? 1 : 0)
                    | (QUERY_SAFE.indexOf(c) >= 0 || c == '+' ? 2 : 0));
        }
    }

    private Urls() {
    }

    /**
     * The canonical form of an address; the input unchanged when it is not an http(s) URL.
     *
     * @param url the address
     * @return canonical address
     */
    public static String canonical(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.trim();
        if (plain(trimmed)) {
            return trimmed;
        }
        int q = trimmed.indexOf('?');
        if (q > 0 && plain(trimmed, q) && simpleQuery(trimmed, q + 1) && unwrap(trimmed) == trimmed) {
            return withoutTracking(trimmed, q);
        }
        return parsedCanonical(trimmed);
    }

    /**
     * Whether OkHttp would write an address exactly as it is and it is no redirect wrapper: then resolving it against
     * any base, or unwrapping it, gives it back unchanged.
     *
     * @param url the address, trimmed
     * @return true when parsing it would change nothing
     */
    static boolean unchangedByParse(String url) {
        if (plain(url)) {
            return true;
        }
        int q = url.indexOf('?');
        return q > 0 && plain(url, q) && simpleQuery(url, q + 1) && unwrap(url) == url;
    }

    /**
     * The canonical form of an address {@link #unchangedByParse} (so also what resolving it gives, against any base),
     * found with one check; null when it is not such an address and needs the parser.
     *
     * @param trimmed the address, trimmed
     * @return {@code canonical(trimmed)}, or null
     */
    static String simpleCanonical(String trimmed) {
        int q = trimmed.indexOf('?');
        if (q < 0) {
            return plain(trimmed) ? trimmed : null;
        }
        return q > 0 && plain(trimmed, q) && simpleQuery(trimmed, q + 1) && unwrap(trimmed) == trimmed
                ? withoutTracking(trimmed, q) : null;
    }

    /** {@link #canonical} through OkHttp's parser, for any address. */
    static String parsedCanonical(String trimmed) {
        HttpUrl parsed = HttpUrl.parse(unwrap(trimmed));
        if (parsed == null) {
            return trimmed;
        }
        if (parsed.encodedQuery() == null && parsed.encodedFragment() == null) {
            return parsed.toString();
        }
        HttpUrl.Builder b = parsed.newBuilder().fragment(null);
        for (String name : parsed.queryParameterNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("utm_") || TRACKING.contains(lower)) {
                b.removeAllQueryParameters(name);
            }
        }
        HttpUrl clean = b.build();
        if (clean.querySize() == 0) {
            clean = clean.newBuilder().query(null).build();
        }
        return clean.toString();
    }

    /**
     * Unwraps redirect wrappers such as Google Alerts' {@code https://www.google.com/url?...&url=REAL}.
     *
     * @param url the address
     * @return the target, or the input when it is not a known wrapper
     */
    public static String unwrap(String url) {
        if (!url.contains("/url") || !url.regionMatches(true, 0, "http", 0, 4)) {
            return url; // not a wrapper: spare the parse
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return url;
        }
        boolean google = GOOGLE.matcher(parsed.host()).matches() && parsed.encodedPath().equals("/url");
        if (google) {
            String target = parsed.queryParameter("url");
            target = target == null ? parsed.queryParameter("q") : target;
            if (target != null && HttpUrl.parse(target) != null) {
                return target;
            }
        }
        return url;
    }

    /**
     * Whether an address is already canonical as OkHttp would write it: http(s), a lower-case host name without a
     * port, a path of characters that need no escaping and no dot segments, no query and no fragment. Most links are,
     * and they need no parse.
     *
     * @param url the address, trimmed
     * @return true when {@link #canonical} would return it unchanged
     */
    static boolean plain(String url) {
        return plain(url, url.length());
    }

    /** {@link #plain(String)} of the address's first {@code end} characters, without a copy of them. */
    private static boolean plain(String url, int end) {
        int hostStart = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        int slash = hostStart < 0 ? -1 : url.indexOf('/', hostStart);
        slash = slash >= end ? -1 : slash;
        if (slash <= hostStart) {
            return false;
        }
        char previous = '.';
        for (int i = hostStart; i < slash; i++) {
            char c = url.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' && previous != '.';
            if (!ok || (c == '.' || c == '-') && i == hostStart) {
                return false;
            }
            previous = c;
        }
        if (previous == '.' || previous == '-') {
            return false;
        }
        for (int i = slash; i < end; i++) {
            char c = url.charAt(i);
            if (c >= 128 || (SAFE[c] & 1) == 0 || c == '/' && dotSegment(url, i + 1, end)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the path segment at {@code from} (before {@code end}) is "." or "..", which OkHttp resolves. */
    private static boolean dotSegment(String url, int from, int end) {
        if (from >= end || url.charAt(from) != '.') {
            return false;
        }
        int after = from + 1 < end && url.charAt(from + 1) == '.' ? from + 2 : from + 1;
        return after == end || url.charAt(after) == '/';
    }

    /** Whether the query at {@code from} is {@code name=value} pairs of characters OkHttp writes as they are. */
    private static boolean simpleQuery(String url, int from) {
        int pairStart = from;
        boolean equals = false;
        for (int i = from; i <= url.length(); i++) {
            char c = i == url.length() ? '&' : url.charAt(i);
            if (c == '&') {
                if (!equals || i == pairStart) {
                    return false;
                }
                pairStart = i + 1;
                equals = false;
            } else if (c == '=') {
                if (equals || i == pairStart) {
                    return false; // a second '=' or an empty name
                }
                equals = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || equals && c < 128 && (SAFE[c] & 2) != 0)) {
                return false; // names stay plain: OkHttp matches the names it removes in another escaping
            }
        }
        return true;
    }

    /** The address without its tracking pairs (a simple query: plain names, each with '='); itself when it has none. */
    private static String withoutTracking(String url, int q) {
        int firstKept = q + 1;
        while (firstKept < url.length() && tracking(url, firstKept, url.indexOf('=', firstKept))) {
            int amp = url.indexOf('&', firstKept);
            firstKept = amp < 0 ? url.length() : amp + 1;
        }
        if (firstKept >= url.length() && firstKept > q + 1) {
            return url.substring(0, q); // only tracking pairs (the common "?utm_source=rss"): no builder
        }
        StringBuilder out = null;
        char separator = '?';
        int pairStart = q + 1;
        while (pairStart < url.length()) {
            int amp = url.indexOf('&', pairStart);
            int pairEnd = amp < 0 ? url.length() : amp;
            if (tracking(url, pairStart, url.indexOf('=', pairStart))) {
                out = out != null ? out : new StringBuilder(url.length()).append(url, 0, pairStart - 1);
            } else if (out != null) {
                out.append(separator).append(url, pairStart, pairEnd);
            }
            separator = out != null && out.length() > q ? '&' : '?';
            pairStart = pairEnd + 1;
        }
        return out == null ? url : out.toString();
    }

    /** Whether the query parameter named {@code url[from, to)} is a tracking one. */
    private static boolean tracking(String url, int from, int to) {
        // names of a simple query are ASCII: case folded by one bit
        if (to - from >= 4 && (url.charAt(from) | 0x20) == 'u' && (url.charAt(from + 1) | 0x20) == 't'
                && (url.charAt(from + 2) | 0x20) == 'm' && url.charAt(from + 3) == '_') {
            return true;
        }
        return to - from <= 11 && TRACKING.contains(url.substring(from, to).toLowerCase(Locale.ROOT));
    }
}
