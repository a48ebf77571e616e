package dev.shenava.crawler;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Lenient JSON reading for the API connectors: unknown fields ignored, absent fields read as empty.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    static JsonNode read(Fetched page) {
        byte[] body = page.body();
        int first = utf8Start(page);
        if (first >= 0) {
            try { // JSON is UTF-8: Jackson reads the bytes faster than a decoded copy of them
                return MAPPER.readTree(body, first, body.length - first);
            } catch (IOException notJson) {
                // fall through: the text path words the problem
            }
        }
        String text = page.text().strip();
        if (text.isEmpty()) {
            throw new CrawlException("empty answer from " + page.url() + " where JSON was expected");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CrawlException("malformed JSON from " + page.url() + " (" + Text.clip(e.getOriginalMessage(), 120)
                    + "): starts with '" + Text.clip(text, 60) + "'", e);
        }
    }

    /**
     * Where a UTF-8 JSON object or array starts in the body (after a byte-order mark and whitespace), so that Jackson
     * may read the bytes themselves; -1 when the body is not that and must be decoded first.
     */
    static int utf8Start(Fetched page) {
        int first = rootStart(page.body());
        return first >= 0 && StandardCharsets.UTF_8.equals(page.charset()) ? first : -1;
    }

    /**
     * {@link #utf8Start} for a reader that checks itself that every byte of the body is well-formed UTF-8 and leaves
     * the body to {@link #utf8Start}'s readers when it is not: the charset detection's check of the whole body is
     * skipped when the header names UTF-8 or no charset ({@link Charsets#utf8IfWellFormed}); JSON is UTF-8.
     */
    static int utf8StartIfWellFormed(Fetched page) {
        byte[] body = page.body();
        int first = rootStart(body);
        return first >= 0 && Charsets.utf8IfWellFormed(body, page.headers().getOrDefault("content-type", ""))
                ? first : utf8Start(page);
    }

    /** Where an object or array starts after a byte-order mark and whitespace, -1 when nothing like that does. */
    private static int rootStart(byte[] body) {
        int start = Charsets.utf8BomLength(body);
        int first = start;
        while (first < body.length && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r'
                || body[first] == '\t')) {
            first++;
        }
        return first < body.length && (body[first] == '{' || body[first] == '[') ? first : -1;
    }

    /**
     * The current scalar value as {@link #text(JsonNode, String)} reads the same value from a tree: strings as they
     * are, numbers and booleans as their node's text, null and containers (skipped) as empty.
     */
    static String text(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue().toString() : Long.toString(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield "";
            }
            default -> "";
        };
    }

    /** The current value as a tree node's {@code asLong(0)} reads it (containers skipped, read as 0). */
    static long asLong(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue().longValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
            case VALUE_STRING -> NumberInput.parseAsLong(p.getText(), 0);
            case VALUE_TRUE -> 1;
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield 0;
            }
            default -> 0;
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    static long count(JsonNode node, String field) {
        long v = node.path(field).asLong(0);
        return Math.max(0, v);
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        Instant common = Timestamps.rfc3339(iso.strip());
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(iso.strip()).toInstant();
        } catch (RuntimeException notOffset) {
            try {
                return Instant.parse(iso.strip());
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
