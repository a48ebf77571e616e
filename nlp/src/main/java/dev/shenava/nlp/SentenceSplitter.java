package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences at . ! ? ؟ … and line breaks, keeping the end punctuation with its
 * sentence; a dot between letters or digits ({@code snapp.ir}, {@code 3.5}) does not end one.
 */
final class SentenceSplitter {

    private SentenceSplitter() {
    }

    /** Sentence spans as {start, end} pairs, trimmed, in order; none for blank text. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean end = c == '!' || c == '?' || c == '؟' || c == '…' || c == '\n' || c == '۔'
                    || c == '.' && (i + 1 == n || !Character.isLetterOrDigit(text.charAt(i + 1)));
            i++;
            if (end) {
                while (i < n && isClosing(text.charAt(i))) {
                    i++;
                }
                addTrimmed(text, start, i, out);
                start = i;
            }
        }
        addTrimmed(text, start, n, out);
        return out;
    }

    private static boolean isClosing(char c) {
        return c == '!' || c == '?' || c == '؟' || c == '.' || c == '…' || c == ')' || c == '"' || c == '»' || c == '\'';
    }

    private static void addTrimmed(String text, int from, int to, List<int[]> out) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        boolean content = false;
        for (int k = s; k < e && !content; k++) {
            content = Character.isLetterOrDigit(text.charAt(k)) || Character.isSurrogate(text.charAt(k));
        }
        if (content) {
            out.add(new int[] {s, e});
        } else if (e > s && !out.isEmpty()) {
            out.getLast()[1] = e; // stray punctuation belongs to the sentence before
        }
    }
}
