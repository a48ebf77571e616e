package dev.shenava.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStartIT {

    @TempDir
    Path dir;

    @Test
    void aPortHeldByAnotherProcessIsAnErrorNotAServiceWithoutHttp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"),
                     Map.of("server.port", String.valueOf(taken.getLocalPort())))) {
            long alerting = alertingThreads();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ShenavaServer.start(runtime));
            assertTrue(e.getMessage().contains("could not listen on 127.0.0.1:" + taken.getLocalPort())
                    && e.getMessage().contains("server.port"), e.getMessage());
            // Helidon does not stop what started before the bind: alerting would run on under a closing process
            assertEquals(alerting, alertingThreads(), "alerting started for a server that never listened");
        }
    }

    private static long alertingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches("shenava-(alerts|webhooks)")).count();
    }
}
