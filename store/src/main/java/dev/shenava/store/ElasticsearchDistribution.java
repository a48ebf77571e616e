package dev.shenava.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch distribution zip the build fetched, and its unpacked copy.
 */
final class ElasticsearchDistribution {

    /** Where the launcher or a user points at the zip when it is not in the local Maven repository. */
    static final String ZIP_PROPERTY = "shenava.elasticsearch.zip";

    private ElasticsearchDistribution() {
    }

    /**
     * The server version the build was made with.
     *
     * @return e.g. {@code 8.19.21}
     */
    static String version() {
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("store.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("elasticsearch.version");
        } catch (IOException | NullPointerException e) {
            throw new StoreException("store.properties is missing from the build; rebuild with 'mvn -DskipTests package'", e);
        }
    }

    /**
     * Finds the distribution zip: the {@value #ZIP_PROPERTY} system property, else the local Maven repository.
     *
     * @return the zip
     */
    static Path zip() {
        String explicit = System.getProperty(ZIP_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isRegularFile(p)) {
                throw new StoreException("Elasticsearch distribution " + p + " (from -D" + ZIP_PROPERTY
                        + ") does not exist; fix the path or drop the property");
            }
            return p;
        }
        String repo = System.getProperty("maven.repo.local");
        Path base = repo != null && !repo.isBlank() ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String v = version();
        Path p = base.resolve(Path.of("org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch", v,
                "elasticsearch-" + v + ".zip"));
        if (!Files.isRegularFile(p)) {
            throw new StoreException("Elasticsearch " + v + " distribution not found at " + p
                    + "; run 'mvn -DskipTests package' once (it downloads it), set -D" + ZIP_PROPERTY
                    + "=FILE, or set store.url to use an existing cluster");
        }
        return p;
    }

    /**
     * Unpacks the zip into {@code target} unless it is already there. Safe when several processes race.
     *
     * @param target the install directory (its {@code bin/elasticsearch} will exist afterwards)
     * @return {@code target}
     */
    static Path unpack(Path target) {
        if (Files.isRegularFile(target.resolve(".unpacked"))) {
            return target;
        }
        Path zip = zip();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            deleteTree(tmp);
            extract(zip, tmp);
            Files.writeString(tmp.resolve(".unpacked"), version() + "\n");
            deleteTree(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(tmp);
                if (!Files.isRegularFile(target.resolve(".unpacked"))) {
                    throw e;
                }
            }
            return target;
        } catch (IOException | UncheckedIOException e) {
            deleteTreeQuietly(tmp);
            throw new StoreException("cannot unpack Elasticsearch into " + target + ": " + e.getMessage()
                    + "; check free disk space and that the folder is writable, or set store.data-dir", e);
        }
    }

    private static void extract(Path zip, Path into) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = into.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zf.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean exec = out.getParent().getFileName().toString().equals("bin") && !name.endsWith(".bat");
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (Stream<Path> dirs = Files.walk(into)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void deleteTreeQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
