package dev.shenava.store;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * A mention as stored in Elasticsearch: flat counters, keyword arrays for aggregations, the normalised
 * text in {@code text} and the original in {@code originalText} (field names from the API contract).
 * The title is searched like the text, so {@code title} holds its normalised form; {@code originalTitle}
 * holds the title as posted, present only when normalisation changed it (documents written before
 * index version 2 have no {@code originalTitle} and their {@code title} is as posted).
 * {@code touchpointScores} (not indexed) holds the score of each {@code touchpointSentiments} entry, in order,
 * so that a mention read back carries the scores it was written with. {@code idHash} ({@link #idHash(String)},
 * from index version 3) is the tie-breaker of the index's sort and of paging among mentions published in the same
 * millisecond: a number is compared and returned per hit far more cheaply than the keyword {@code id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MentionDocument(String id,
                       long idHash,
                       String source,
                       String sourceKind,
                       String nativeId,
                       String url,
                       String site,
                       Mention.Author author,
                       String title,
                       String originalTitle,
                       String text,
                       String originalText,
                       Instant publishedAt,
                       Instant fetchedAt,
                       long engagement,
                       long likes,
                       long shares,
                       long replies,
                       long views,
                       List<String> brands,
                       String lang,
                       String sentiment,
                       double sentimentScore,
                       double sentimentConfidence,
                       List<String> touchpoints,
                       List<String> touchpointSentiments,
                       List<Double> touchpointScores,
                       List<String> keyPhrases,
                       List<String> tags,
                       boolean overridden,
                       Instant analyzedAt) {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    static MentionDocument from(Mention m) {
        var e = m.engagement();
        String title = searchTitle(m.title());
        return new MentionDocument(m.id(), idHash(m.id()), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.site(), m.author(),
                title, title.equals(m.title()) ? null : m.title(), m.normalizedText(), m.text(), m.publishedAt(),
                m.fetchedAt(), e.total(), e.likes(),
                e.shares(), e.replies(), e.views(), m.brands(), m.lang(), m.sentiment().label(), m.sentiment().score(),
                m.sentiment().confidence(),
                m.touchpoints().stream().map(Mention.TouchpointScore::touchpoint).distinct().toList(),
                m.touchpoints().stream().map(t -> t.touchpoint() + ":" + t.label()).toList(),
                m.touchpoints().stream().map(Mention.TouchpointScore::score).toList(),
                m.keyPhrases(), m.tags(), m.overridden(), m.analyzedAt());
    }

    Mention toMention() {
        List<Mention.TouchpointScore> scores = new java.util.ArrayList<>();
        for (int i = 0; touchpointSentiments != null && i < touchpointSentiments.size(); i++) {
            scores.add(touchpointScore(touchpointSentiments.get(i),
                    touchpointScores != null && i < touchpointScores.size() ? touchpointScores.get(i) : null));
        }
        return new Mention(id, source, sourceKind, nativeId, url, site, author,
                originalTitle != null ? originalTitle : title, originalText, text, publishedAt,
                fetchedAt, new Mention.Engagement(likes, shares, replies, views, engagement), brands, lang,
                new Mention.Sentiment(sentiment, sentimentScore, sentimentConfidence), scores, keyPhrases, tags,
                overridden, analyzedAt, null);
    }

    /**
     * The paging tie-breaker of a mention id: the first 64 bits of the SHA-256 of its UTF-8 bytes, so that
     * it is spread evenly whatever the ids look like, and the same on every node and in every version.
     * Two mentions published in the same millisecond with the same hash (about one chance in 10^19 per
     * pair) tie: a page that ends on one of them is followed by a page that skips the other.
     *
     * @param id the mention id
     * @return its hash
     */
    static long idHash(String id) {
        byte[] digest = SHA256.get().digest(id.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            h = h << 8 | (digest[i] & 0xFF);
        }
        return h;
    }

    /**
     * The form of a title that is indexed and searched: normalised as the text is.
     *
     * @param title the title as posted, possibly empty
     * @return its search form
     */
    static String searchTitle(String title) {
        if (title == null) {
            return "";
        }
        return title.isBlank() ? title : SearchText.normalize(title);
    }

    private static Mention.TouchpointScore touchpointScore(String pair, Double stored) {
        int colon = pair.lastIndexOf(':');
        String label = pair.substring(colon + 1);
        double score = stored != null ? stored : switch (label) {
            case "positive" -> 1;
            case "negative" -> -1;
            default -> 0;
        };
        return new Mention.TouchpointScore(pair.substring(0, colon), label, score);
    }
}
