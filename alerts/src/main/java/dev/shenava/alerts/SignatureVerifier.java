package dev.shenava.alerts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signs webhook bodies and checks signatures: {@code Shenava-Signature: t=<unix seconds>,v1=<hex>}
 * where the hex is the HMAC-SHA256 of {@code "<t>.<body>"} under the rule's secret.
 *
 * <p>A receiver keeps one verifier per secret and calls {@link #verify(String, String, Instant)}
 * with the header, the raw body and its clock; a signature older or newer than the tolerance
 * (five minutes by default) is refused, so a captured request cannot be replayed later.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.create(secret);
 * if (!verifier.verify(request.getHeader("Shenava-Signature"), body, Instant.now())) { reject(); }
 * }</pre>
 */
public final class SignatureVerifier {

    /** The header that carries the signature. */
    public static final String HEADER = "Shenava-Signature";
    /** The default tolerance between the signature's time and the receiver's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Duration tolerance;

    private SignatureVerifier(String secret, Duration tolerance) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a signature needs a non-empty secret");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /**
     * A verifier with the five-minute tolerance.
     *
     * @param secret the rule's secret
     * @return the verifier
     */
    public static SignatureVerifier create(String secret) {
        return new SignatureVerifier(secret, TOLERANCE);
    }

    /**
     * A verifier with another tolerance.
     *
     * @param secret    the rule's secret
     * @param tolerance how far the signature's time may be from the clock
     * @return the verifier
     */
    public static SignatureVerifier create(String secret, Duration tolerance) {
        return new SignatureVerifier(secret, tolerance);
    }

    /**
     * The header value for a body sent at a time.
     *
     * @param body the exact body bytes as UTF-8 text
     * @param at   the sending time
     * @return {@code t=<seconds>,v1=<hex>}
     */
    public String sign(String body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(t + "." + body);
    }

    /**
     * Whether a header is a valid, fresh signature of a body.
     *
     * @param header the {@code Shenava-Signature} value (may be null)
     * @param body   the raw body as received
     * @param now    the receiver's clock
     * @return true when some {@code v1} matches and {@code t} is within the tolerance of {@code now}
     */
    public boolean verify(String header, String body, Instant now) {
        if (header == null || body == null) {
            return false;
        }
        long t = -1;
        String expected = null;
        boolean match = false;
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
                expected = hmac(t + "." + body);
            }
        }
        if (expected == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("v1=")) {
                match |= MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        p.substring(3).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
