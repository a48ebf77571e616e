package dev.shenava.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged system user the embedded node runs as when Shenava runs as root
 * (Elasticsearch refuses to run as root).
 */
final class NodeUser {

    static final String NAME = "shenava";

    private NodeUser() {
    }

    static boolean needed() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the user unless it exists. */
    static void ensureExists() {
        if (run(List.of("id", "-u", NAME)) == 0) {
            return;
        }
        int rc = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
        if (rc != 0 && run(List.of("id", "-u", NAME)) != 0) {
            throw new StoreException("cannot create the system user '" + NAME + "' the embedded Elasticsearch runs as"
                    + " (useradd exit " + rc + "); create it with 'useradd --system " + NAME + "' or run Shenava as a normal user");
        }
    }

    /** Gives the node's own folders to the user. */
    static void own(Path... dirs) {
        List<String> cmd = new ArrayList<>(List.of("chown", "-R", NAME + ":" + NAME));
        for (Path d : dirs) {
            cmd.add(d.toString());
        }
        if (run(cmd) != 0) {
            throw new StoreException("cannot give " + List.of(dirs) + " to the user '" + NAME + "'; check the folder's file system");
        }
    }

    /**
     * Prefixes a command so that it runs as the node user.
     *
     * @param command the command
     * @return the wrapped command
     */
    static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static int run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
