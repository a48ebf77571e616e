package dev.shenava.crawler;

/**
 * Who wrote a post, as far as the source tells.
 *
 * @param handle    the source's handle or account name, empty when unknown
 * @param name      the display name, empty when unknown
 * @param followers follower or subscriber count, {@code -1} when the source does not tell
 */
public record Author(String handle, String name, long followers) {

    /** An author the source does not name. */
    public static final Author UNKNOWN = new Author("", "", -1);

    public Author {
        handle = handle == null ? "" : handle;
        name = name == null ? "" : name;
        if (followers < -1) {
            throw new IllegalArgumentException("followers must be >= -1, was " + followers);
        }
    }
}
