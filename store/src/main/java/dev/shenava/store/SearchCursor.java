package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque paging cursor: URL-safe base64 of a JSON array holding the sort name and the last hit's
 * sort values, all numbers since index version 3 (times in epoch milliseconds, engagement, the id's hash).
 * A cursor of version 2, which ended on the id itself, is refused with a message saying so.
 */
final class SearchCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchCursor() {
    }

    static String encode(List<FieldValue> sortValues, MentionSort sort) {
        ArrayNode a = JSON.createArrayNode().add(sort.id());
        for (FieldValue v : sortValues) {
            switch (v._kind()) {
                case Long -> a.add(v.longValue());
                case Double -> a.add(v.doubleValue());
                case Boolean -> a.add(v.booleanValue());
                case Null -> a.addNull();
                default -> a.add(v._get().toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<FieldValue> decode(String cursor, MentionSort sort) {
        JsonNode a;
        try {
            a = JSON.readTree(Base64.getUrlDecoder().decode(cursor.trim()));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (a == null || !a.isArray() || a.size() < 2 || !sort.id().equals(a.get(0).asText())) {
            throw invalid();
        }
        if (a.size() == 1 + sort.sortValues() && a.get(a.size() - 1).isTextual()) {
            throw new IllegalArgumentException("cursor comes from an earlier version of the mention index, which"
                    + " ordered mentions differently: load the first page again (leave out 'cursor')");
        }
        if (a.size() != 1 + sort.sortValues()) {
            throw invalid();
        }
        List<FieldValue> values = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            JsonNode n = a.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw invalid();
            }
            values.add(FieldValue.of(n.longValue()));
        }
        return values;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("cursor is not valid: pass the 'cursor' value of the previous page unchanged,"
                + " with the same sort, or leave it out for the first page");
    }
}
