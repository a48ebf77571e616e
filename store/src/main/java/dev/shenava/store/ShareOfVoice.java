package dev.shenava.store;

import java.util.List;
import java.util.Map;

/**
 * A brand's share of the conversation against its competitors.
 *
 * @param brand   the brand asked about
 * @param brands  the brand first, then its competitors
 * @param buckets the same per time bucket, oldest first
 */
public record ShareOfVoice(String brand, List<BrandShare> brands, List<Bucket> buckets) {

    public ShareOfVoice {
        brands = List.copyOf(brands);
        buckets = List.copyOf(buckets);
    }

    /**
     * One brand over the whole range.
     *
     * @param brand        brand id
     * @param name         display name
     * @param mentions     mentions of this brand
     * @param share        mentions / mentions of the brand and its competitors, 0 to 1
     * @param netSentiment net sentiment of its mentions
     */
    public record BrandShare(String brand, String name, long mentions, double share, double netSentiment) {
    }

    /**
     * Mentions and net sentiment per brand in one time bucket.
     *
     * @param time         start of the bucket, ISO-8601 UTC
     * @param mentions     brand id → mentions
     * @param netSentiment brand id → net sentiment
     */
    public record Bucket(String time, Map<String, Long> mentions, Map<String, Double> netSentiment) {
    }
}
