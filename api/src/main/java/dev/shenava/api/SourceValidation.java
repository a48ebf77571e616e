package dev.shenava.api;

import dev.shenava.crawler.SourceKind;

import java.net.URI;
import java.util.Map;

/**
 * Checks a source's parameters before it is stored.
 */
final class SourceValidation {

    private SourceValidation() {
    }

    static void check(String id, SourceKind kind, Map<String, String> params, String credentialEnv, long interval) {
        if (credentialEnv != null && !credentialEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("credentialEnv '" + credentialEnv
                    + "' is not an environment variable name (letters, digits, '_')");
        }
        if ((kind == SourceKind.RSS || kind == SourceKind.WEB) && !params.containsKey("url")) {
            throw new IllegalArgumentException("source '" + id + "' (" + kind.id() + ") needs params.url");
        }
        for (String key : new String[] {"url", "base-url"}) {
            String url = params.get(key);
            if (url != null) {
                URI uri;
                try {
                    uri = URI.create(url.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("params." + key + " is not a URL: " + url);
                }
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("params." + key + " must be an http(s) URL with a host, was " + url);
                }
            }
        }
    }
}
