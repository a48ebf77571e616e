package dev.shenava.alerts;

import java.net.URI;
import java.util.Locale;

/**
 * Where a rule's events go: an http(s) URL and the body format the receiver expects.
 *
 * @param url    absolute http or https URL
 * @param format {@code json} (the event as JSON) or {@code slack} (a Slack incoming-webhook message)
 */
public record WebhookTarget(String url, String format) {

    /** The generic JSON format: the event itself. */
    public static final String JSON = "json";
    /** The Slack incoming-webhook format. */
    public static final String SLACK = "slack";

    public WebhookTarget {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a target needs a url");
        }
        url = url.trim();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target url is not a valid URL: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("target url must be an absolute http or https URL, was '" + url + "'");
        }
        format = format == null || format.isBlank() ? JSON : format.trim().toLowerCase(Locale.ROOT);
        if (!format.equals(JSON) && !format.equals(SLACK)) {
            throw new IllegalArgumentException("target format must be json or slack, was '" + format + "'");
        }
    }
}
