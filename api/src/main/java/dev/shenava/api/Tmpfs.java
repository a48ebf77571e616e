package dev.shenava.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A small tmpfs mounted for a fault case (root only), unmounted on close. */
final class Tmpfs implements AutoCloseable {

    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of the given size on a new folder.
     *
     * @param dir  the mount point (created)
     * @param size e.g. {@code 80m}
     * @return the mount, or empty with the reason logged when not root or mount fails
     */
    static Optional<Tmpfs> mount(Path dir, String size) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            return run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()))
                    ? Optional.of(new Tmpfs(dir)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Fills the file system until only {@code leaveBytes} are free.
     *
     * @param leaveBytes bytes to leave free
     * @return the filler file
     */
    Path fillLeaving(long leaveBytes) throws IOException {
        Path filler = dir.resolve("filler");
        long toWrite = Files.getFileStore(dir).getUsableSpace() - leaveBytes;
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (var out = Files.newOutputStream(filler)) {
            for (long w = 0; w < toWrite; w += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, toWrite - w));
            }
        }
        return filler;
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!run(List.of("umount", dir.toString()))) {
            run(List.of("umount", "-l", dir.toString()));
        }
    }
}
