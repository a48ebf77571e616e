package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkGuardTest {

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadataAddresses() throws Exception {
        for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1"}) {
            assertTrue(NetworkGuard.refused(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void allowsPublicAddresses() throws Exception {
        for (String a : new String[] {"8.8.8.8", "151.101.1.69", "2606:4700::1111"}) {
            assertFalse(NetworkGuard.refused(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void checkNamesTheRefusedAddressAndTheSettingThatAllowsIt() {
        AlertsException e = assertThrows(AlertsException.class, () -> NetworkGuard.create(false).check("http://127.0.0.1:9/hook"));
        assertTrue(e.getMessage().contains("alerts.allow-private-networks"), e.getMessage());
        NetworkGuard.create(true).check("http://127.0.0.1:9/hook");
    }

    @Test
    void targetsMustBeHttpUrls() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookTarget("file:///etc/passwd", "json"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookTarget("https://hooks.example.org/x", "xml"));
        assertEquals("slack", new WebhookTarget("https://hooks.slack.com/services/T/B/X", "SLACK").format());
    }
}
