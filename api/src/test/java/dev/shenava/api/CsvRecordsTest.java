package dev.shenava.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordsTest {

    private static CsvRecords csv(byte[] bytes) {
        return new CsvRecords(new ImportLines(new ByteArrayInputStream(bytes)));
    }

    private static CsvRecords csv(String text) {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedCommasQuotesAndLineBreaksWithStartLines() throws IOException {
        CsvRecords csv = csv("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,\n");
        assertEquals(new CsvRecords.Row(1, List.of("a", "b")), csv.next());
        assertEquals(new CsvRecords.Row(2, List.of("x, \"y\"", "two\nlines")), csv.next());
        assertEquals(new CsvRecords.Row(4, List.of("3", "")), csv.next());
        assertNull(csv.next());
    }

    @Test
    void reportsAQuoteLeftOpenAtTheEndOnItsLine() throws IOException {
        CsvRecords csv = csv("a,b\n1,\"open\n");
        csv.next();
        CsvRecords.BadRecord bad = assertThrows(CsvRecords.BadRecord.class, csv::next);
        assertEquals(2, bad.line());
        assertNull(csv.next());
    }

    @Test
    void readsTheLinesAfterAStrayQuoteAgainAsRecords() throws IOException {
        CsvRecords csv = csv("a,b,c\n1,\"stray,x\n2,y,z\n3,\"q\",w\n");
        csv.expectFields(3);
        csv.next();
        CsvRecords.BadRecord bad = assertThrows(CsvRecords.BadRecord.class, csv::next);
        assertEquals(2, bad.line());
        assertEquals(new CsvRecords.Row(3, List.of("2", "y", "z")), csv.next());
        assertEquals(new CsvRecords.Row(4, List.of("3", "q", "w")), csv.next());
        assertNull(csv.next());
    }

    @Test
    void reportsTwoCutLinesEachOnItsOwnInsteadOfJoiningThem() throws IOException {
        CsvRecords csv = csv("a,b\n1,\"cut sho\n2,\"also cu\n3,\"whole\"\n");
        csv.expectFields(2);
        csv.next();
        assertEquals(2, assertThrows(CsvRecords.BadRecord.class, csv::next).line());
        assertEquals(3, assertThrows(CsvRecords.BadRecord.class, csv::next).line());
        assertEquals(new CsvRecords.Row(4, List.of("3", "whole")), csv.next());
        assertNull(csv.next());
    }

    @Test
    void reportsALineThatIsNotUtf8AndDropsAByteOrderMark() throws IOException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n', 'x', (byte) 0xC3, ',', 'y', '\n',
                '1', ',', '2', '\n'};
        CsvRecords csv = csv(bytes);
        assertEquals(new CsvRecords.Row(1, List.of("a", "b")), csv.next());
        CsvRecords.BadRecord bad = assertThrows(CsvRecords.BadRecord.class, csv::next);
        assertEquals(2, bad.line());
        assertTrue(bad.getMessage().contains("UTF-8"), bad.getMessage());
        assertEquals(new CsvRecords.Row(3, List.of("1", "2")), csv.next());
    }
}
