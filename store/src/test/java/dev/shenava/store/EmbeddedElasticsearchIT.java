package dev.shenava.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedElasticsearchIT {

    @Test
    void reusesTheNodeAPreviousStartLeftRunning() throws IOException {
        EmbeddedElasticsearch running = TestElasticsearch.node();
        long pid = Long.parseLong(Files.readString(running.nodeDir().resolve("elasticsearch.pid")).trim());
        long processesBefore = ProcessHandle.current().descendants().count();
        EmbeddedElasticsearch again = EmbeddedElasticsearch.create(running.installDir(), running.nodeDir(),
                running.port(), "512m", Duration.ofSeconds(30)).start();
        assertEquals(pid, Long.parseLong(Files.readString(running.nodeDir().resolve("elasticsearch.pid")).trim()));
        assertTrue(again.ourClusterAnswers());
        assertTrue(again.running());
        assertEquals(processesBefore, ProcessHandle.current().descendants().count(), "no second node started");
    }

    @Test
    void saysWhatToDoWhenThePortIsTaken(@TempDir Path dir) throws IOException {
        TestElasticsearch.url();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedElasticsearch es = EmbeddedElasticsearch.create(TestElasticsearch.node().installDir(),
                    dir.resolve("node"), taken.getLocalPort(), "512m", Duration.ofSeconds(30));
            StoreException e = assertThrows(StoreException.class, es::start);
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another program"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("store.port"), e.getMessage());
        }
    }
}
