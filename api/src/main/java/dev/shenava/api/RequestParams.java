package dev.shenava.api;

import dev.shenava.store.MentionFilter;
import io.helidon.common.parameters.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the shared query parameters (brand, lang, sentiment, source, touchpoint, from, to, q) into a
 * {@link MentionFilter}; the stats endpoints use it too.
 */
public final class RequestParams {

    private static final Set<String> SENTIMENTS = Set.of("positive", "negative", "neutral");

    private RequestParams() {
    }

    /**
     * The filter the query parameters describe. Repeated parameters and comma-separated values are alternatives.
     *
     * @param query  the request's query parameters
     * @param parser parser for {@code q}
     * @return the filter
     * @throws BadRequestException naming the bad parameter and what it accepts
     */
    public static MentionFilter filter(Parameters query, QueryParser parser) {
        List<String> sentiments = values(query, "sentiment");
        for (String s : sentiments) {
            if (!SENTIMENTS.contains(s)) {
                throw new BadRequestException("sentiment '" + s + "' is not one of positive, negative, neutral");
            }
        }
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        String q = query.first("q").orElse("").strip();
        return new MentionFilter(values(query, "brand"), values(query, "lang"), sentiments, values(query, "source"),
                values(query, "touchpoint"), from, to, q.isEmpty() ? null : parser.parse(q));
    }

    /**
     * An integer parameter within bounds.
     *
     * @param query the parameters
     * @param name  the name
     * @param def   the default
     * @param min   the minimum
     * @param max   the maximum
     * @return the value
     */
    public static int intParam(Parameters query, String name, int def, int min, int max) {
        String v = query.first(name).orElse("").strip();
        if (v.isEmpty()) {
            return def;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadRequestException("'" + name + "' must be a whole number from " + min + " to " + max + ", was '" + v + "'");
    }

    /**
     * A boolean parameter: {@code true} or {@code false}, absent meaning false.
     *
     * @param query the parameters
     * @param name  the name
     * @return the value
     * @throws BadRequestException for anything else
     */
    public static boolean flag(Parameters query, String name) {
        String v = query.first(name).orElse("").strip();
        return switch (v) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new BadRequestException("'" + name + "' must be true or false, was '"
                    + (v.length() <= 40 ? v : v.substring(0, 40) + "...") + "'");
        };
    }

    /**
     * The values of a parameter, repeated or comma-separated, in lower case.
     *
     * @param query the parameters
     * @param name  the name
     * @return the values
     */
    public static List<String> values(Parameters query, String name) {
        List<String> out = new ArrayList<>();
        for (String v : query.all(name, List::of)) {
            Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant instant(Parameters query, String name) {
        String v = query.first(name).orElse("").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            Instant t = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
            if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) { // Elasticsearch fails the whole search on such dates
                throw new BadRequestException("'" + name + "' must be between the years 1 and 9999, was '" + v + "'");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' must be an ISO-8601 time (2026-03-01T00:00:00Z) or date (2026-03-01), was '" + v + "'");
        }
    }
}
