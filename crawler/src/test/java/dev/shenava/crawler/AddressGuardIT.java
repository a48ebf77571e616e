package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

class AddressGuardIT {

    private static final CrawlerConfig GUARDED = Fixtures.config().withAllowPrivateNetworks(false);

    @Test
    void refusesLoopbackWhenPrivateNetworksAreNotAllowed() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("secret").build());
            Fetched answer = Fetcher.create(GUARDED).get(server.url("/admin").toString(), Map.of());
            assertEquals(CrawlStatus.BLOCKED, answer.status());
            assertEquals(0, server.getRequestCount());
            assertTrue(answer.reason().contains("crawler.allow-private-networks"), answer.reason());
        }
    }

    @Test
    void refusesARedirectHopTo127001() throws IOException {
        InetAddress outside = InetAddress.getByName("127.0.0.2"); // stands in for a public address in this test
        try (MockWebServer inside = new MockWebServer(); MockWebServer front = new MockWebServer()) {
            inside.start(InetAddress.getByName("127.0.0.1"), 0);
            front.start(outside, 0);
            inside.enqueue(new MockResponse.Builder().body("metadata").build());
            front.enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", "http://127.0.0.1:" + inside.getPort() + "/latest/meta-data").build());
            Fetcher fetcher = Fetcher.create(GUARDED, Dns.SYSTEM, a -> !a.equals(outside) && AddressGuard.forbidden(a));
            Fetched answer = fetcher.get("http://127.0.0.2:" + front.getPort() + "/go", Map.of());
            assertEquals(CrawlStatus.BLOCKED, answer.status());
            assertEquals(1, front.getRequestCount());
            assertEquals(0, inside.getRequestCount());
        }
    }

    @Test
    void refusesAHostnameWhoseDnsAnswerIsPrivate() {
        Dns intranet = host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}));
        Fetched answer = Fetcher.create(GUARDED, intranet, AddressGuard::forbidden)
                .get("http://intranet.example/", Map.of());
        assertEquals(CrawlStatus.BLOCKED, answer.status());
        assertTrue(answer.reason().contains("10.0.0.7"), answer.reason());
    }

    @Test
    void classifiesAddresses() throws IOException {
        for (String bad : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1",
                "fd00:ec2::254")) {
            assertTrue(AddressGuard.forbidden(InetAddress.getByName(bad)), bad);
        }
        for (String good : List.of("8.8.8.8", "1.1.1.1", "100.128.0.1", "2606:4700::1111")) {
            assertFalse(AddressGuard.forbidden(InetAddress.getByName(good)), good);
        }
    }

    @Test
    void allowsLoopbackWhenConfigured() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("ok").build());
            assertEquals(CrawlStatus.FETCHED,
                    Fetcher.create(Fixtures.config()).get(server.url("/").toString(), Map.of()).status());
        }
    }
}
