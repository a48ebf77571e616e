package dev.shenava.crawler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Cursors as one small JSON file per source, written atomically: temporary file, fsync, rename, fsync of the
 * directory. A crash leaves either the old or the new cursor, never half of one.
 */
public final class FileCursorStore implements CursorStore {

    private final Path directory;

    private FileCursorStore(Path directory) {
        this.directory = directory;
    }

    /**
     * A store in a directory (created when missing).
     *
     * @param directory where cursor files live
     * @return the store
     */
    public static FileCursorStore create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CrawlException("cannot create the cursor directory " + directory + ": " + e.getMessage(), e);
        }
        return new FileCursorStore(directory);
    }

    @Override
    public Cursor load(String sourceId) {
        try {
            return Cursor.parse(Files.readString(file(sourceId), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Cursor.EMPTY;
        } catch (IOException e) {
            throw new CrawlException("cannot read the cursor of source " + sourceId + " from " + file(sourceId)
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String sourceId, Cursor cursor) {
        Path target = file(sourceId);
        Path temp = directory.resolve(sourceId + ".cursor.json.tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(cursor.toJson().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            throw new CrawlException("cannot save the cursor of source " + sourceId + " to " + target + ": "
                    + e.getMessage() + "; check free space and permissions", e);
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }

    private Path file(String sourceId) {
        return directory.resolve(sourceId + ".cursor.json");
    }
}
