package dev.shenava.crawler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A hash of a post's normalised text, equal for the same story syndicated twice: NFKC, Arabic letters folded to
 * their Persian forms, Persian and Arabic digits folded, links, punctuation and zero-width characters dropped,
 * whitespace collapsed, lower case.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * The normalised text the hash is taken over.
     *
     * @param text the text
     * @return its normalised form
     */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        s = s.replaceAll("https?://\\S+", " ");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            c = switch (c) {
                case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh, alef maksura -> Persian yeh
                case '\u0643' -> '\u06A9';           // Arabic kaf -> keheh
                case '\u0629' -> '\u0647';           // teh marbuta -> heh
                default -> c;
            };
            if (c >= '\u0660' && c <= '\u0669') {
                c = (char) ('0' + c - '\u0660');
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                c = (char) ('0' + c - '\u06F0');
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR
                    || c == '\u200C') {
                out.append(' ');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /**
     * The hash of a title and text.
     *
     * @param title the title, may be empty
     * @param text  the text
     * @return 32 hex characters
     */
    public static String of(String title, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((normalise(title) + "\n" + normalise(text)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
