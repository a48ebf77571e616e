package dev.shenava.api;

import dev.shenava.crawler.Source;
import dev.shenava.crawler.SourceKind;

import java.util.List;
import java.util.Map;

/**
 * Checks a source's parameters before it is stored, with the crawler's own rules per kind.
 */
final class SourceValidation {

    private SourceValidation() {
    }

    static void check(String id, SourceKind kind, Map<String, String> params, String credentialEnv, long interval) {
        List<String> problems = Source.problems(kind, params, credentialEnv);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("source '" + id + "' (" + kind.id() + "): " + String.join("; ", problems));
        }
        if (interval < Source.MIN_INTERVAL.toSeconds()) {
            throw new IllegalArgumentException("intervalSeconds must be at least " + Source.MIN_INTERVAL.toSeconds());
        }
    }
}
