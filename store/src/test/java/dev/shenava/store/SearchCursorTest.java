package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCursorTest {

    @Test
    void decodesWhatItEncoded() {
        List<FieldValue> values = List.of(FieldValue.of(1_772_000_000_000L), FieldValue.of(-4_611_686_018_427_387_904L));
        List<FieldValue> back = SearchCursor.decode(SearchCursor.encode(values, MentionSort.NEWEST), MentionSort.NEWEST);
        assertEquals(values.stream().map(FieldValue::longValue).toList(), back.stream().map(FieldValue::longValue).toList());
    }

    @Test
    void refusesACursorOfAnotherSort() {
        String cursor = SearchCursor.encode(List.of(FieldValue.of(1L), FieldValue.of(2L)), MentionSort.NEWEST);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchCursor.decode(cursor, MentionSort.OLDEST));
        assertTrue(e.getMessage().contains("cursor is not valid"), e.getMessage());
    }

    @Test
    void refusesAVersionTwoCursorEndingOnTheIdWithAMessageSayingWhy() {
        String v2 = encode("[\"engagement\",12,1772000000000,\"b85a2ad51a35f3ce69463fa868c1dd09\"]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchCursor.decode(v2, MentionSort.ENGAGEMENT));
        assertTrue(e.getMessage().contains("earlier version of the mention index"), e.getMessage());
    }

    @Test
    void refusesCursorsWithTheWrongNumberOrKindOfValues() {
        for (String json : List.of("[\"newest\",1]", "[\"newest\",1,2,3]", "[\"newest\",1.5,2]", "[\"newest\",true,2]",
                "[\"newest\",null,2]", "[\"newest\",1,99999999999999999999999]", "{\"newest\":1}", "[\"newest\",\"1\",2]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SearchCursor.decode(encode(json), MentionSort.NEWEST), json);
            assertTrue(e.getMessage().contains("cursor is not valid"), json + ": " + e.getMessage());
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
