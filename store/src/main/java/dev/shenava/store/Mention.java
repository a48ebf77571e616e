package dev.shenava.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shenava.crawler.Post;
import dev.shenava.nlp.Analysis;
import dev.shenava.nlp.TouchpointSentiment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A post that matched at least one brand, with its analysis; its JSON is the API's mention JSON.
 *
 * @param id             {@link #idOf(String, String)} of source and native id
 * @param source         configured source id
 * @param sourceKind     kind of that source ({@code rss}, {@code telegram}, ...)
 * @param nativeId       the source's id for the item, or its canonical URL
 * @param url            canonical URL
 * @param site           host of the URL without {@code www.}
 * @param author         who wrote it
 * @param title          title, empty when none
 * @param text           the original text, as the user sees it
 * @param normalizedText the normalised text that is indexed and searched (not in the API JSON)
 * @param publishedAt    when it was published
 * @param fetchedAt      when it was fetched
 * @param engagement     interaction counts
 * @param brands         ids of the brands it mentions
 * @param lang           ISO 639-1 language or {@code und}
 * @param sentiment      sentiment of the whole text
 * @param touchpoints    touchpoints with their sentiment
 * @param keyPhrases     normalised key phrases
 * @param tags           user tags
 * @param overridden     whether a user corrected the analysis
 * @param analyzedAt     when it was analysed (not in the API JSON)
 * @param highlight      highlighted fragments, only on search results with a text query, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mention(String id,
                      String source,
                      String sourceKind,
                      String nativeId,
                      String url,
                      String site,
                      Author author,
                      String title,
                      String text,
                      @JsonIgnore String normalizedText,
                      Instant publishedAt,
                      Instant fetchedAt,
                      Engagement engagement,
                      List<String> brands,
                      String lang,
                      Sentiment sentiment,
                      List<TouchpointScore> touchpoints,
                      List<String> keyPhrases,
                      List<String> tags,
                      boolean overridden,
                      @JsonIgnore Instant analyzedAt,
                      List<String> highlight) {

    private static final List<String> LABELS = List.of("positive", "negative", "neutral");

    public Mention {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(nativeId, "nativeId");
        id = id == null || id.isBlank() ? idOf(source, nativeId) : id;
        sourceKind = sourceKind == null ? "" : sourceKind;
        url = url == null ? "" : url;
        site = site == null || site.isBlank() ? siteOf(url) : site;
        author = author == null ? new Author("", "", -1) : author;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        normalizedText = normalizedText == null ? text : normalizedText;
        Objects.requireNonNull(publishedAt, "publishedAt");
        fetchedAt = fetchedAt == null ? publishedAt : fetchedAt;
        engagement = engagement == null ? new Engagement(0, 0, 0, 0, 0) : engagement;
        brands = brands == null ? List.of() : List.copyOf(brands);
        lang = lang == null || lang.isBlank() ? "und" : lang;
        sentiment = sentiment == null ? new Sentiment("neutral", 0, 1) : sentiment;
        touchpoints = touchpoints == null ? List.of() : List.copyOf(touchpoints);
        keyPhrases = keyPhrases == null ? List.of() : List.copyOf(keyPhrases);
        tags = tags == null ? List.of() : List.copyOf(tags);
        analyzedAt = analyzedAt == null ? fetchedAt : analyzedAt;
        highlight = highlight == null ? null : List.copyOf(highlight);
    }

    /**
     * Who wrote the mention.
     *
     * @param handle    handle, empty when unknown
     * @param name      display name, empty when unknown
     * @param followers followers, {@code -1} when unknown
     */
    public record Author(String handle, String name, long followers) {
        public Author {
            handle = handle == null ? "" : handle;
            name = name == null ? "" : name;
        }
    }

    /**
     * Interaction counts; {@code total} is likes + shares + replies.
     *
     * @param likes   likes
     * @param shares  shares
     * @param replies replies
     * @param views   views
     * @param total   likes + shares + replies
     */
    public record Engagement(long likes, long shares, long replies, long views, long total) {
        public Engagement {
            total = likes + shares + replies;
        }
    }

    /**
     * A sentiment judgement.
     *
     * @param label      {@code positive}, {@code negative} or {@code neutral}
     * @param score      polarity in [-1, 1]
     * @param confidence confidence in [0, 1]
     */
    public record Sentiment(String label, double score, double confidence) {
        public Sentiment {
            label = label == null ? "neutral" : label.toLowerCase(Locale.ROOT);
            if (!LABELS.contains(label)) {
                throw new IllegalArgumentException("sentiment label must be positive, negative or neutral, was '" + label + "'");
            }
        }
    }

    /**
     * A touchpoint with the sentiment of the clause naming it.
     *
     * @param touchpoint touchpoint id ({@code delivery})
     * @param label      its sentiment label
     * @param score      its polarity in [-1, 1]
     */
    public record TouchpointScore(String touchpoint, String label, double score) {
        public TouchpointScore {
            Objects.requireNonNull(touchpoint, "touchpoint");
            label = new Sentiment(label, 0, 1).label();
        }
    }

    /**
     * The document id of a post: hex SHA-256 of {@code source + "\n" + nativeId}, first 32 chars.
     *
     * @param source   configured source id
     * @param nativeId the source's id for the item
     * @return the id
     */
    public static String idOf(String source, String nativeId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\n" + nativeId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * A mention from a post, the brands it mentions and its analysis.
     *
     * @param post     the post
     * @param brandIds ids of the brands it mentions
     * @param analysis its analysis
     * @return the mention
     */
    public static Mention of(Post post, List<String> brandIds, Analysis analysis) {
        Map<String, TouchpointScore> touchpoints = new LinkedHashMap<>();
        for (TouchpointSentiment t : analysis.touchpoints()) {
            touchpoints.putIfAbsent(t.touchpoint().id(), new TouchpointScore(t.touchpoint().id(),
                    t.sentiment().label().id(), t.sentiment().score()));
        }
        var e = post.engagement();
        var a = post.author();
        return new Mention(idOf(post.source(), post.nativeId()), post.source(), post.kind().id(), post.nativeId(),
                post.url(), null, new Author(a.handle(), a.name(), a.followers()), post.title(), post.text(),
                analysis.normalizedText(), millis(post.publishedAt()), millis(post.fetchedAt()),
                new Engagement(e.likes(), e.shares(), e.replies(), e.views(), 0),
                brandIds.stream().distinct().toList(), analysis.language(),
                new Sentiment(analysis.sentiment().label().id(), analysis.sentiment().score(), analysis.sentiment().confidence()),
                List.copyOf(touchpoints.values()), analysis.keyPhrases(), List.of(), false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    /**
     * Returns a copy with the given highlight fragments.
     *
     * @param fragments highlighted fragments, or {@code null} for none
     * @return the copy
     */
    public Mention withHighlight(List<String> fragments) {
        return new Mention(id, source, sourceKind, nativeId, url, site, author, title, text, normalizedText, publishedAt,
                fetchedAt, engagement, brands, lang, sentiment, touchpoints, keyPhrases, tags, overridden, analyzedAt, fragments);
    }

    /**
     * The host of a URL without a leading {@code www.}.
     *
     * @param url a URL, possibly empty or malformed
     * @return the host in lower case, or empty
     */
    static String siteOf(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }
}
