package dev.shenava.crawler;

/**
 * A post's public interaction counts; {@code 0} where the source does not count them.
 *
 * @param likes   likes, favourites, points, upvotes
 * @param shares  reposts, reblogs, retweets, forwards
 * @param replies replies and comments
 * @param views   views or impressions
 */
public record Engagement(long likes, long shares, long replies, long views) {

    /** No interactions known. */
    public static final Engagement NONE = new Engagement(0, 0, 0, 0);

    public Engagement {
        if (likes < 0 || shares < 0 || replies < 0 || views < 0) {
            throw new IllegalArgumentException("engagement counts must not be negative");
        }
    }

    /**
     * Engagement as the field defines it: the sum of the public interaction counts (views excluded).
     *
     * @return likes + shares + replies
     */
    public long total() {
        return likes + shares + replies;
    }
}
