package dev.shenava.store;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An analyst's correction of a mention's analysis. Absent parts leave the analysis as it is.
 * Corrections are kept apart from the mentions and applied again whenever a mention is written,
 * so they survive re-analysis.
 *
 * @param id          the mention id
 * @param sentiment   positive, negative or neutral, or null to keep the analysed one
 * @param touchpoints touchpoints ({@code delivery} or {@code delivery:negative}), or null to keep them
 * @param tags        tags, or null to keep them
 * @param updatedAt   when the correction was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentionOverride(String id, String sentiment, List<String> touchpoints, List<String> tags,
                              Instant updatedAt) {

    private static final Set<String> LABELS = Set.of("positive", "negative", "neutral");

    public MentionOverride {
        if (sentiment != null) {
            sentiment = sentiment.strip().toLowerCase(Locale.ROOT);
            if (!LABELS.contains(sentiment)) {
                throw new IllegalArgumentException("sentiment must be positive, negative or neutral, was '"
                        + sentiment + "'");
            }
        }
        touchpoints = touchpoints == null ? null : clean("touchpoints", touchpoints);
        tags = tags == null ? null : clean("tags", tags);
        if (touchpoints != null) {
            for (String t : touchpoints) {
                int colon = t.indexOf(':');
                if (colon == 0 || colon > 0 && !LABELS.contains(t.substring(colon + 1))) {
                    throw new IllegalArgumentException("a touchpoint is a name such as delivery, or delivery:negative "
                            + "with positive, negative or neutral; was '" + t + "'");
                }
            }
        }
    }

    private static List<String> clean(String what, List<String> values) {
        if (values.size() > 50) {
            throw new IllegalArgumentException(what + " takes at most 50 values");
        }
        List<String> out = values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (out.stream().anyMatch(v -> v.length() > 100)) {
            throw new IllegalArgumentException(what + " must be at most 100 characters each");
        }
        return out;
    }

    /**
     * This correction with another laid over it: the newer one's present parts win.
     *
     * @param newer the later correction
     * @return the combined correction
     */
    public MentionOverride then(MentionOverride newer) {
        return new MentionOverride(id, newer.sentiment != null ? newer.sentiment : sentiment,
                newer.touchpoints != null ? newer.touchpoints : touchpoints,
                newer.tags != null ? newer.tags : tags, newer.updatedAt);
    }

    /**
     * Applies the correction to a mention.
     *
     * @param m the mention as analysed
     * @return the corrected mention, marked overridden
     */
    public Mention applyTo(Mention m) {
        Mention.Sentiment sentiment = this.sentiment == null ? m.sentiment()
                : new Mention.Sentiment(this.sentiment, score(this.sentiment), 1.0);
        List<Mention.TouchpointScore> touchpoints = this.touchpoints == null ? m.touchpoints()
                : this.touchpoints.stream().map(t -> touchpoint(t, m, sentiment.label())).toList();
        return new Mention(m.id(), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.site(), m.author(), m.title(),
                m.text(), m.normalizedText(), m.publishedAt(), m.fetchedAt(), m.engagement(), m.brands(), m.lang(),
                sentiment, touchpoints, m.keyPhrases(), tags == null ? m.tags() : tags, true, m.analyzedAt(),
                m.highlight());
    }

    private static Mention.TouchpointScore touchpoint(String value, Mention m, String fallback) {
        int colon = value.indexOf(':');
        if (colon > 0) {
            String label = value.substring(colon + 1);
            return new Mention.TouchpointScore(value.substring(0, colon), label, score(label));
        }
        return m.touchpoints().stream().filter(t -> t.touchpoint().equals(value)).findFirst()
                .orElse(new Mention.TouchpointScore(value, fallback, score(fallback)));
    }

    private static double score(String label) {
        return switch (label) {
            case "positive" -> 1;
            case "negative" -> -1;
            default -> 0;
        };
    }
}
