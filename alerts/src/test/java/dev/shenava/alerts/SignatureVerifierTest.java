package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureVerifierTest {

    static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    final SignatureVerifier verifier = SignatureVerifier.create("s3cret");

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // reference value from: printf '1775044800.{"id":"e1"}' | openssl dgst -sha256 -hmac s3cret
        assertEquals("t=1775044800,v1=8338a3576139091149b263ecf967d552366abee485dfca1c447c7f6a12d07816",
                verifier.sign("{\"id\":\"e1\"}", NOW));
    }

    @Test
    void acceptsItsOwnFreshSignature() {
        String body = "{\"id\":\"e1\"}";
        assertTrue(verifier.verify(verifier.sign(body, NOW), body, NOW.plusSeconds(299)));
    }

    @Test
    void rejectsReplaysOutsideFiveMinutes() {
        String body = "{\"id\":\"e1\"}";
        String header = verifier.sign(body, NOW);
        assertFalse(verifier.verify(header, body, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)));
        assertFalse(verifier.verify(header, body, NOW.minus(Duration.ofMinutes(6))));
    }

    @Test
    void rejectsAlteredBodiesWrongSecretsAndGarbage() {
        String body = "{\"id\":\"e1\"}";
        String header = verifier.sign(body, NOW);
        assertFalse(verifier.verify(header, "{\"id\":\"e2\"}", NOW));
        assertFalse(SignatureVerifier.create("other").verify(header, body, NOW));
        assertFalse(verifier.verify("t=abc,v1=00", body, NOW));
        assertFalse(verifier.verify(null, body, NOW));
        assertFalse(verifier.verify("v1=" + header.split("v1=")[1], body, NOW), "a signature without its time");
        String tampered = "t=" + (NOW.getEpochSecond() + 60) + ",v1=" + header.split("v1=")[1];
        assertFalse(verifier.verify(tampered, body, NOW), "moving the time breaks the signature");
    }
}
