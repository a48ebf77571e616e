package dev.shenava.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvRecordsTest {

    @Test
    void readsQuotedCommasQuotesAndLineBreaksWithStartLines() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,\n"));
        assertEquals(new CsvRecords.Row(1, List.of("a", "b")), csv.next());
        assertEquals(new CsvRecords.Row(2, List.of("x, \"y\"", "two\nlines")), csv.next());
        assertEquals(new CsvRecords.Row(4, List.of("3", "")), csv.next());
        assertNull(csv.next());
    }

    @Test
    void failsOnAQuoteLeftOpen() {
        CsvRecords csv = new CsvRecords(new StringReader("a,\"open\n"));
        assertThrows(IOException.class, csv::next);
    }
}
