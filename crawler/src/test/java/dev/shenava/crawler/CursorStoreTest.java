package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsCursorsAcrossInstancesLeavingNoTemporaryFiles() throws IOException {
        Cursor c = Cursor.EMPTY.with("etag", "\"x\"").withSeen(List.of("b", "a"));
        FileCursorStore.create(dir).save("news", c);
        assertEquals(c, FileCursorStore.create(dir).load("news"));
        assertEquals(Cursor.EMPTY, FileCursorStore.create(dir).load("never-polled"));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void remembersTheMostRecentSeenIds() {
        Cursor c = Cursor.EMPTY;
        for (int i = 0; i < 600; i++) {
            c = c.withSeen(List.of("id" + i));
        }
        assertEquals(Cursor.SEEN_LIMIT, c.seen().size());
        assertEquals("id599", c.seen().getFirst());
        assertEquals(c, Cursor.parse(c.toJson()));
        assertEquals(Cursor.EMPTY, Cursor.parse("{not json"));
        assertEquals(List.of("x", "y"), Cursor.EMPTY.withSeen(List.of("x")).withSeen(List.of("x", "y")).seen());
    }
}
