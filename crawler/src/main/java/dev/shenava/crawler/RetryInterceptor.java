package dev.shenava.crawler;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The crawler's one application interceptor: sets the user agent, sends each attempt through {@link Politeness},
 * and retries 429, 5xx and network failures with exponential backoff, waiting as long as Retry-After or the API's
 * reset header asks (Reddit's and Mastodon's {@code x-ratelimit-reset}, X's {@code x-rate-limit-reset}, Bluesky's
 * {@code ratelimit-reset}) up to {@code crawler.max-backoff}; also pauses a host whose budget is spent.
 */
final class RetryInterceptor implements Interceptor {

    private static final String[] RESET_HEADERS = {"x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset"};
    private static final String[] REMAINING_HEADERS =
            {"x-ratelimit-remaining", "x-rate-limit-remaining", "ratelimit-remaining"};

    private final String agent;
    private final int maxRetries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Politeness politeness;

    RetryInterceptor(String agent, int maxRetries, Duration backoff, Duration maxBackoff, Politeness politeness) {
        this.agent = agent;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.politeness = politeness;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = agent.equals(chain.request().header("User-Agent")) ? chain.request()
                : chain.request().newBuilder().header("User-Agent", agent).build();
        for (int attempt = 0; ; attempt++) {
            Response response;
            try {
                response = politeness.proceed(chain, request);
            } catch (AddressGuard.BlockedAddressException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= maxRetries || chain.call().isCanceled()) {
                    throw e;
                }
                sleep(exponential(attempt));
                continue;
            }
            if (!retryable(response.code()) && !mentionsWaits(response.headers())) {
                return response; // nothing to wait for nor a budget to keep (most answers: one pass over the names)
            }
            Optional<Duration> asked = waitAsked(response, Instant.now());
            spentBudget(response, asked);
            if (!retryable(response.code()) || attempt >= maxRetries) {
                return response;
            }
            Duration wait = asked.orElse(exponential(attempt));
            if (wait.compareTo(maxBackoff) > 0) {
                return response; // longer than we are willing to wait: report it and try at the next poll
            }
            response.close();
            sleep(wait);
        }
    }

    /** Whether any header names a wait (Retry-After, a reset header) or a remaining budget, in any case. */
    static boolean mentionsWaits(Headers headers) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            if (name.equalsIgnoreCase("Retry-After")) {
                return true;
            }
            for (String reset : RESET_HEADERS) {
                if (name.equalsIgnoreCase(reset)) {
                    return true;
                }
            }
            for (String remaining : REMAINING_HEADERS) {
                if (name.equalsIgnoreCase(remaining)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void spentBudget(Response response, Optional<Duration> asked) {
        if (asked.isEmpty() || response.code() == 429) {
            return;
        }
        for (String name : REMAINING_HEADERS) {
            String remaining = response.header(name);
            if (remaining != null && parseDouble(remaining).orElse(1.0) < 1.0) {
                Duration wait = asked.get().compareTo(maxBackoff) > 0 ? maxBackoff : asked.get();
                politeness.pause(response.request().url().host(), wait);
            }
        }
    }

    private static boolean retryable(int code) {
        return code == 429 || code == 408 || code >= 500 && code != 501 && code != 505;
    }

    private Duration exponential(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, maxBackoff.toMillis()));
    }

    /**
     * How long the server asks us to wait, from Retry-After or a rate-limit reset header.
     *
     * @param response the answer
     * @param now      the current time
     * @return the wait, empty when the server says nothing
     */
    static Optional<Duration> waitAsked(Response response, Instant now) {
        return waitAsked(response::header, now);
    }

    static Optional<Duration> waitAsked(java.util.function.Function<String, String> headers, Instant now) {
        String retryAfter = headers.apply("Retry-After");
        if (retryAfter != null) {
            Optional<Duration> d = resetToWait(retryAfter, now);
            if (d.isPresent()) {
                return d;
            }
        }
        for (String name : RESET_HEADERS) {
            String value = headers.apply(name);
            if (value != null) {
                Optional<Duration> d = resetToWait(value, now);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a reset value: seconds to wait, epoch seconds (large numbers), an ISO instant, or an HTTP date.
     *
     * @param value the header value
     * @param now   the current time
     * @return the wait, never negative
     */
    static Optional<Duration> resetToWait(String value, Instant now) {
        String v = value.trim();
        Optional<Double> number = parseDouble(v);
        Instant at;
        if (number.isPresent()) {
            double n = number.get();
            at = n > 1_000_000_000 ? Instant.ofEpochMilli((long) (n * 1000))
                    : now.plusMillis((long) (n * 1000));
        } else {
            try {
                at = Instant.parse(v);
            } catch (RuntimeException notIso) {
                try {
                    at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (RuntimeException notHttpDate) {
                    return Optional.empty();
                }
            }
        }
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Optional<Double> parseDouble(String v) {
        try {
            return Optional.of(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off");
        }
    }
}
