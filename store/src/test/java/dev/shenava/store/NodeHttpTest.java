package dev.shenava.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeHttpTest {

    @Test
    void hostHeaderBracketsAnIpv6AddressOnly() {
        assertEquals("es.example.com:9200", NodeHttp.hostHeader("es.example.com", 9200));
        assertEquals("127.0.0.1:9201", NodeHttp.hostHeader("127.0.0.1", 9201));
        assertEquals("[::1]:9200", NodeHttp.hostHeader("::1", 9200));
        assertEquals("[fe80::1%25eth0]:443", NodeHttp.hostHeader("fe80::1%25eth0", 443));
    }
}
