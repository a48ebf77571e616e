package dev.shenava.crawler;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Fetches addresses politely through one shared OkHttp client and reports every outcome as a {@link Fetched}.
 *
 * <p>The client carries the user agent, retries with backoff, per-host politeness, the SSRF guard, connect and
 * read timeouts (the read timeout bounds writes too, and okio's watchdog enforces it: {@link WatchdogReads}); this
 * class adds the whole-call timeout ({@link CallDeadlines}), the body cap (counted after decompression, so a gzip
 * bomb stops at the cap) and conditional GET.
 */
public final class Fetcher {

    private final OkHttpClient client;
    private final Politeness politeness;
    private final CrawlerConfig config;

    private Fetcher(OkHttpClient client, Politeness politeness, CrawlerConfig config) {
        this.client = client;
        this.politeness = politeness;
        this.config = config;
    }

    /**
     * A fetcher with its own client built from the settings.
     *
     * @param config the settings
     * @return the fetcher
     */
    public static Fetcher create(CrawlerConfig config) {
        return create(config, Dns.SYSTEM, AddressGuard::forbidden);
    }

    static Fetcher create(CrawlerConfig config, Dns dns, Predicate<InetAddress> forbidden) {
        Politeness politeness = new Politeness(config.hostDelay(), config.maxCrawlDelay());
        String agent = config.userAgent();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                // okio keeps every socket read and write with a timeout in one queue by deadline, and wakes its
                // watchdog thread whenever one lands at the head: a write timeout shorter than the read timeout
                // put each request's write ahead of the reads in flight, a wake-up and lock handover per request
                .writeTimeout(config.readTimeout())
                // no OkHttp call timeout: CallDeadlines enforces crawler.call-timeout without okio's queue (attempt)
                .followRedirects(true)
                .followSslRedirects(true)
                .addInterceptor(new RetryInterceptor(agent, config.maxRetries(), config.backoff(),
                        config.maxBackoff(), politeness))
                .addNetworkInterceptor(new WatchdogReads()); // the read timeout without a timer per read
        if (!config.allowPrivateNetworks()) {
            AddressGuard guard = new AddressGuard(dns, forbidden);
            builder.dns(guard).addNetworkInterceptor(guard);
        }
        return new Fetcher(builder.build(), politeness, config);
    }

    /**
     * The shared client, for variants through {@code newBuilder()}.
     *
     * @return the client
     */
    public OkHttpClient client() {
        return client;
    }

    /**
     * The settings this fetcher was built with.
     *
     * @return the settings
     */
    public CrawlerConfig config() {
        return config;
    }

    /**
     * GETs an address.
     *
     * @param url     the address
     * @param headers extra request headers (Authorization, Accept...)
     * @return the outcome
     */
    public Fetched get(String url, Map<String, String> headers) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return Fetched.failed(url, CrawlStatus.ERROR, 0, "'" + url + "' is not an http(s) address");
        }
        Request.Builder request = new Request.Builder().url(parsed).header("User-Agent", config.userAgent());
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * GETs an address conditionally: with If-None-Match / If-Modified-Since from the cursor's saved validators.
     *
     * @param url    the address
     * @param cursor the cursor holding {@code etag} and {@code last-modified}
     * @return the outcome; {@link CrawlStatus#NOT_MODIFIED} when unchanged
     */
    public Fetched getConditional(String url, Cursor cursor) {
        Map<String, String> headers = new HashMap<>();
        cursor.value("etag").ifPresent(v -> headers.put("If-None-Match", v));
        cursor.value("last-modified").ifPresent(v -> headers.put("If-Modified-Since", v));
        return get(url, headers);
    }

    /**
     * Sends a request.
     *
     * @param request the request
     * @return the outcome, never an exception for network failures
     */
    public Fetched send(Request request) {
        return withoutSecrets(request, attempt(request));
    }

    private Fetched attempt(Request request) {
        Call call = client.newCall(request);
        try (CallDeadlines.Deadline deadline = CallDeadlines.start(call, config.callTimeout())) {
            try (Response response = call.execute()) {
                return read(response);
            } catch (AddressGuard.BlockedAddressException e) {
                return Fetched.failed(request.url().toString(), CrawlStatus.BLOCKED, 0, e.getMessage());
            } catch (IOException e) {
                return failed(request.url(), e, deadline);
            }
        }
    }

    private static Fetched failed(HttpUrl address, IOException e, CallDeadlines.Deadline deadline) {
        String url = address.toString();
        if (deadline.expired()) {
            return Fetched.failed(url, CrawlStatus.ERROR, 0, "timed out fetching " + url + " (no complete answer"
                    + " within " + deadline.timeout().toMillis() + " ms, crawler.call-timeout, retries included);"
                    + " the server is slow or unreachable");
        }
        if (e instanceof InterruptedIOException) {
            return Fetched.failed(url, CrawlStatus.ERROR, 0, "timed out fetching " + url
                    + " (" + e.getMessage() + "); the server is slow or unreachable");
        }
        if (e instanceof java.net.UnknownHostException) { // its message is the bare host name, or empty
            return Fetched.failed(url, CrawlStatus.ERROR, 0, "could not fetch " + url + ": the name " + address.host()
                    + " does not resolve; check the machine's network and DNS, or the host in the source's address");
        }
        return Fetched.failed(url, CrawlStatus.ERROR, 0, "could not fetch " + url + ": " + e.getMessage());
    }

    /**
     * The reason ends up in the source status (API, dashboard) and in logs: keep the request's credentials (an
     * Authorization header, a key in the query) out of it, also where a server echoes them back.
     */
    private static Fetched withoutSecrets(Request request, Fetched fetched) {
        if (fetched.reason().isEmpty()) {
            return fetched;
        }
        java.util.List<String> secrets = new java.util.ArrayList<>();
        String auth = request.header("Authorization");
        if (auth != null) {
            secrets.add(auth.trim());
            secrets.add(auth.trim().replaceFirst("^\\S+\\s+", ""));
        }
        HttpUrl url = request.url();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            if (value != null && SECRET_PARAM.matcher(url.queryParameterName(i)).matches()) {
                secrets.add(value);
                secrets.add(HttpUrl.parse("http://x/").newBuilder().addQueryParameter("v", value).build()
                        .encodedQuery().substring(2));
            }
        }
        String reason = fetched.reason();
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                reason = reason.replace(secret, "[redacted]");
            }
        }
        return reason.equals(fetched.reason()) ? fetched : new Fetched(fetched.url(), fetched.status(), fetched.code(),
                fetched.headers(), fetched.body(), reason, fetched.fetchedAt());
    }

    private static final java.util.regex.Pattern SECRET_PARAM = java.util.regex.Pattern.compile(
            "(?i).*(key|token|secret|password|passwd|sig|signature|auth).*");

    /**
     * Holds further requests to a host (used by connectors that read a budget from a body).
     *
     * @param host the host
     * @param wait how long
     */
    void pause(String host, Duration wait) {
        politeness.pause(host, wait);
    }

    void crawlDelay(String host, Duration delay) {
        politeness.crawlDelay(host, delay);
    }

    private Fetched read(Response response) throws IOException {
        String url = response.request().url().toString();
        Map<String, String> headers = headers(response.headers());
        int code = response.code();
        if (code == 304) {
            return new Fetched(url, CrawlStatus.NOT_MODIFIED, code, headers, null, "", Instant.now());
        }
        if (code >= 300 && code < 400) {
            return new Fetched(url, CrawlStatus.REDIRECT, code, headers, null,
                    "redirected to " + response.header("Location", "nowhere") + " (not followed)", Instant.now());
        }
        if (code == 429) {
            return new Fetched(url, CrawlStatus.RATE_LIMITED, code, headers, null, "rate limited by "
                    + response.request().url().host() + rateLimitHint(response), Instant.now());
        }
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > config.maxBodyBytes()) {
            return tooLarge(url, code, headers, declared);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        if (declared >= 0) { // the declared length read straight into an array of that size
            byte[] bytes = new byte[(int) declared];
            source.readFully(bytes);
            if (source.exhausted()) {
                return answer(url, code, headers, bytes);
            }
            buffer.write(bytes); // more than declared: the capped loop reads the rest
        }
        while (buffer.size() <= config.maxBodyBytes()) {
            if (source.read(buffer, 64 * 1024) == -1) {
                break;
            }
        }
        if (buffer.size() > config.maxBodyBytes()) {
            return tooLarge(url, code, headers, buffer.size());
        }
        return answer(url, code, headers, buffer.readByteArray());
    }

    private static Fetched answer(String url, int code, Map<String, String> headers, byte[] bytes) {
        if (code >= 400) {
            return new Fetched(url, CrawlStatus.ERROR, code, headers, bytes, httpProblem(code, url, bytes),
                    Instant.now());
        }
        return new Fetched(url, CrawlStatus.FETCHED, code, headers, bytes, "", Instant.now());
    }

    /** The response headers by lower-case name (the last of a repeated one), as {@link Fetched} keeps them. */
    private static Map<String, String> headers(Headers headers) {
        int size = headers.size();
        Map<String, String> map = HashMap.newHashMap(size);
        for (int i = 0; i < size; i++) {
            String name = headers.name(i);
            map.put(Fetched.isLowerCase(name) ? name : name.toLowerCase(Locale.ROOT), headers.value(i));
        }
        return Map.copyOf(map);
    }

    private Fetched tooLarge(String url, int code, Map<String, String> headers, long size) {
        return new Fetched(url, CrawlStatus.TOO_LARGE, code, headers, null, "response from " + url + " exceeds "
                + config.maxBodyBytes() + " bytes (" + size + "+ after decompression); raise crawler.max-body-bytes"
                + " if the source is trusted", Instant.now());
    }

    private static String rateLimitHint(Response response) {
        return RetryInterceptor.waitAsked(response, Instant.now())
                .map(d -> "; it asks to wait " + d.toSeconds() + " s, will retry at the next poll")
                .orElse("; will retry at the next poll");
    }

    private static String httpProblem(int code, String url, byte[] body) {
        String hint = switch (code) {
            case 401 -> "the credential is missing or wrong: check the environment variable named by credentialEnv";
            case 403 -> "access refused: the credential lacks permission, the quota is spent, or the server blocks"
                    + " crawlers";
            case 404, 410 -> "not found: check the source's parameters (channel, id, url)";
            default -> code >= 500 ? "the server failed; retried with backoff, will try again at the next poll"
                    : "the request was refused";
        };
        String snippet = new String(body, 0, Math.min(body.length, 160), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return "HTTP " + code + " from " + url + ": " + hint + (snippet.isEmpty() ? "" : " (server said: " + snippet + ")");
    }
}
