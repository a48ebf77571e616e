package dev.shenava.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InstantDecoderTest {

    @Test
    void readsWhatInstantWritesAtEveryPrecision() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertEquals(t, InstantDecoder.parse(t.toString()), t.toString());
        }
        assertEquals(Instant.parse("2026-03-01T10:15:30.5Z"), InstantDecoder.parse("2026-03-01T10:15:30.5Z"));
    }

    @Test
    void leavesOtherFormsToJackson() throws Exception {
        for (String other : new String[] {"2026-03-01T10:15:30+01:00", "2026-02-30T10:15:30Z", "2026-03-01T24:00:00Z",
                "2026-03-01T10:15:30.Z", "2026-03-01T10:15:30.1234567890Z", "2026-03-01 10:15:30Z", "+12026-03-01T10:15:30Z"}) {
            assertNull(InstantDecoder.parse(other), other);
        }
        ObjectMapper json = ElasticsearchClients.objectMapper()
                .registerModule(new SimpleModule().addDeserializer(Instant.class, new InstantDecoder()));
        assertEquals(Instant.parse("2026-03-01T09:15:30Z"), json.readValue("\"2026-03-01T10:15:30+01:00\"", Instant.class));
        assertEquals(ElasticsearchClients.objectMapper().readValue("1700000000.123", Instant.class),
                json.readValue("1700000000.123", Instant.class));
        assertEquals(Instant.parse("2026-03-01T10:15:30.123Z"), json.readValue("\"2026-03-01T10:15:30.123Z\"", Instant.class));
    }
}
