package dev.shenava.alerts;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one webhook attempt: the delivery's body, signed with the rule's secret, with its event id.
 *
 * <p>Headers: {@code Shenava-Event-Id} (receivers deduplicate on it), {@code Shenava-Delivery-Id},
 * {@code Shenava-Attempt}, and {@code Shenava-Signature} when the rule has a secret. Redirects are
 * not followed (a redirect is a failure the owner should fix), and every connection passes the
 * {@link NetworkGuard}.
 */
public final class WebhookSender {

    /** The event id header. */
    public static final String EVENT_ID = "Shenava-Event-Id";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;

    private WebhookSender(OkHttpClient client) {
        this.client = client;
    }

    /**
     * A sender on a variant of the shared client: guarded DNS, no redirects, the given timeout.
     *
     * @param shared  the process's HTTP client
     * @param guard   the network guard
     * @param timeout the whole-call timeout of one attempt
     * @return the sender
     */
    public static WebhookSender create(OkHttpClient shared, NetworkGuard guard, Duration timeout) {
        return new WebhookSender(shared.newBuilder()
                .dns(guard)
                // OkHttp skips the Dns for address literals (http://127.0.0.1/, http://169.254.169.254/):
                // check the address actually connected to before anything is sent
                .addNetworkInterceptor(chain -> {
                    guard.verify(chain.connection().route().socketAddress().getAddress());
                    return chain.proceed(chain.request());
                })
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(timeout)
                .build());
    }

    /** The outcome of one attempt: the status (0 when none came back) and an error, if any. */
    record Attempt(int status, String error) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    Attempt send(Delivery delivery, Optional<String> secret, Instant now) {
        Request.Builder request = new Request.Builder()
                .url(delivery.target().url())
                .header("User-Agent", "Shenava-Webhooks/0.1")
                .header(EVENT_ID, delivery.eventId())
                .header("Shenava-Delivery-Id", delivery.id())
                .header("Shenava-Attempt", Integer.toString(delivery.attempts() + 1))
                .post(RequestBody.create(delivery.body(), JSON));
        secret.filter(s -> !s.isEmpty())
                .ifPresent(s -> request.header(SignatureVerifier.HEADER, SignatureVerifier.create(s).sign(delivery.body(), now)));
        try (Response response = client.newCall(request.build()).execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                return new Attempt(code, null);
            }
            return new Attempt(code, "HTTP " + code + " from " + delivery.target().url());
        } catch (IOException e) {
            return new Attempt(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
