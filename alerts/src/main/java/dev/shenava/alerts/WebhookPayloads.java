package dev.shenava.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Renders an event as a webhook body: the generic JSON format (the event itself, with a
 * {@code type}) or a Slack incoming-webhook message with the numbers, the driving terms and
 * example mentions.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /**
     * The body for a target format.
     *
     * @param event  the event
     * @param format {@code json} or {@code slack}
     * @return the body, UTF-8 JSON text
     */
    public static String render(AlertEvent event, String format) {
        try {
            ObjectNode body = WebhookTarget.SLACK.equals(format) ? slack(event) : json(event);
            return AlertsJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AlertsException("cannot render event " + event.id() + " as " + format, e);
        }
    }

    static ObjectNode json(AlertEvent event) {
        ObjectNode node = AlertsJson.MAPPER.valueToTree(event);
        node.remove("deliveries");
        ObjectNode out = AlertsJson.MAPPER.createObjectNode();
        out.put("id", event.id());
        out.put("type", "shenava.alert." + event.signal().id());
        out.setAll(node);
        return out;
    }

    static ObjectNode slack(AlertEvent event) {
        ObjectNode out = AlertsJson.MAPPER.createObjectNode();
        String headline = headline(event);
        out.put("text", headline + ". " + event.reason());
        ArrayNode blocks = out.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(headline, 150));
        section(blocks, event.reason());
        section(blocks, String.format(Locale.ROOT, "*Observed* %s   *Expected* %s   *Score* %.2f\n*Window* %s to %s",
                number(event.observed()), number(event.expected()), event.score(), event.windowStart(), event.windowEnd()));
        if (!event.terms().isEmpty()) {
            section(blocks, "*Driving terms:* " + String.join(", ", event.terms()));
        }
        for (AlertEvent.Example ex : event.examples()) {
            String link = ex.url().isBlank() ? "" : " <" + ex.url() + "|open>";
            section(blocks, "> " + cut(ex.text().replace('\n', ' '), 280) + link + " (" + ex.engagement() + " engagement)");
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", "Shenava event " + event.id());
        return out;
    }

    private static void section(ArrayNode blocks, String markdown) {
        ObjectNode s = blocks.addObject().put("type", "section");
        s.putObject("text").put("type", "mrkdwn").put("text", cut(markdown, 2900));
    }

    static String headline(AlertEvent event) {
        return switch (event.signal()) {
            case NEGATIVE_SPIKE -> "Negative mentions of " + event.brand() + " are spiking";
            case VOLUME_SPIKE -> "Mentions of " + event.brand() + " are spiking";
            case SENTIMENT_DROP -> "Sentiment about " + event.brand() + " is dropping";
            case SOURCE_STALLED -> "Source " + event.brand() + " has stalled";
        };
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
