package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shenava.crawler.Author;
import dev.shenava.crawler.Engagement;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One imported record: a post, the brands the file says it is about, and the language it states.
 * Fields: source, sourceKind, nativeId, url, author, authorName, title, text, publishedAt, likes,
 * shares, replies, views, brands, lang.
 *
 * @param post   the post
 * @param brands brand ids given in the record
 * @param lang   the stated language, empty to detect it
 */
record ImportRecord(Post post, List<String> brands, String lang) {

    static final List<String> FIELDS = List.of("source", "sourceKind", "nativeId", "url", "author", "authorName",
            "title", "text", "publishedAt", "likes", "shares", "replies", "views", "brands", "lang");

    /**
     * Reads a JSON object.
     *
     * @param node the parsed line
     * @param now  the fetch time to record
     * @return the record
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static ImportRecord fromJson(JsonNode node, Instant now) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> brands = List.of();
        for (String f : FIELDS) {
            JsonNode v = node.get(f);
            if (v == null || v.isNull()) {
                continue;
            }
            if (f.equals("brands") && v.isArray()) {
                brands = java.util.stream.StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).toList();
            } else if (v.isContainerNode()) {
                throw new IllegalArgumentException("'" + f + "' must be a " + (f.equals("brands") ? "list of brand ids" : "string or number"));
            } else {
                values.put(f, v.asText());
            }
        }
        if (values.containsKey("brands")) {
            brands = split(values.get("brands"));
        }
        return from(values, brands, now);
    }

    /**
     * Reads a CSV row against its header.
     *
     * @param header the header's field names
     * @param row    the row's fields
     * @param now    the fetch time to record
     * @return the record
     */
    static ImportRecord fromCsv(List<String> header, List<String> row, Instant now) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("has " + row.size() + " fields, the header has " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!row.get(i).isEmpty()) {
                values.put(header.get(i), row.get(i));
            }
        }
        return from(values, split(values.getOrDefault("brands", "")), now);
    }

    /**
     * Checks a CSV header.
     *
     * @param header the names
     * @return the trimmed names
     */
    static List<String> header(List<String> header) {
        List<String> names = header.stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
        Set<String> known = Set.copyOf(FIELDS);
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown column '" + n + "' in the header; columns are " + FIELDS);
            }
        }
        if (!names.contains("source")) {
            throw new IllegalArgumentException("the header has no 'source' column; columns are " + FIELDS);
        }
        return names;
    }

    private static ImportRecord from(Map<String, String> v, List<String> brands, Instant now) {
        String source = required(v, "source");
        SourceKind kind = SourceKind.parse(v.getOrDefault("sourceKind", "web"));
        String url = v.getOrDefault("url", "");
        String nativeId = v.getOrDefault("nativeId", url);
        if (nativeId.isBlank()) {
            throw new IllegalArgumentException("needs a 'nativeId' or a 'url'");
        }
        String title = v.getOrDefault("title", "");
        String text = v.getOrDefault("text", "");
        if (title.isBlank() && text.isBlank()) {
            throw new IllegalArgumentException("has no 'text' and no 'title'");
        }
        Instant published = instant(required(v, "publishedAt"));
        Post post = new Post(source, kind, nativeId, url, new Author(v.get("author"), v.get("authorName"), -1), title, text,
                published, now, new Engagement(count(v, "likes"), count(v, "shares"), count(v, "replies"), count(v, "views")));
        String lang = v.getOrDefault("lang", "").strip();
        if (!lang.isEmpty() && !lang.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("'lang' must be an ISO 639-1 code such as fa, ar or en, was '" + lang + "'");
        }
        return new ImportRecord(post, brands, lang);
    }

    private static String required(Map<String, String> v, String field) {
        String s = v.get(field);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return s.strip();
    }

    private static long count(Map<String, String> v, String field) {
        String s = v.get(field);
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(s.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number >= 0, was '" + s + "'");
        }
    }

    /**
     * Parses an ISO-8601 instant, a date-time with offset, a date (midnight UTC) or epoch milliseconds.
     *
     * @param s the text
     * @return the instant
     */
    static Instant instant(String s) {
        try {
            if (s.matches("\\d{10,14}")) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'publishedAt' must be an ISO-8601 time such as 2026-03-01T12:00:00Z, was '" + s + "'");
        }
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split("[,;|]")).map(String::strip).filter(b -> !b.isEmpty()).toList();
    }
}
