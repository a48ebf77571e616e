package dev.shenava.api;

import dev.shenava.crawler.Cursor;
import dev.shenava.crawler.CursorStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cursors kept in memory, for fault cases that run the crawler inside the test process. */
final class MemoryCursors implements CursorStore {

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

    @Override
    public Cursor load(String sourceId) {
        return cursors.getOrDefault(sourceId, Cursor.EMPTY);
    }

    @Override
    public void save(String sourceId, Cursor cursor) {
        cursors.put(sourceId, cursor);
    }
}
