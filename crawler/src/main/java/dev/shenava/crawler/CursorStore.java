package dev.shenava.crawler;

/**
 * Keeps each source's cursor across restarts.
 */
public interface CursorStore {

    /**
     * The saved cursor of a source.
     *
     * @param sourceId the source id
     * @return its cursor, {@link Cursor#EMPTY} when none was saved
     */
    Cursor load(String sourceId);

    /**
     * Saves a cursor durably (it must survive a crash right after this returns).
     *
     * @param sourceId the source id
     * @param cursor   the cursor
     */
    void save(String sourceId, Cursor cursor);
}
