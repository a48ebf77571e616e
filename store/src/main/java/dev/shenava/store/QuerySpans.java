package dev.shenava.store;

import dev.shenava.store.MatchTarget.Tokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word positions in memory, as Lucene's span queries count them: a span runs from its first
 * word's position to one past its last. The building blocks {@link QueryMatcher} compiles phrases,
 * wildcards and NEAR into, mirroring the {@code span_term}, {@code span_multi}, {@code span_or} and
 * {@code span_near} that {@link QueryCompiler} sends to Elasticsearch.
 */
final class QuerySpans {

    /** Where a clause matched: positions {@code start} (inclusive) to {@code end} (exclusive). */
    record Span(int start, int end) {
        int width() {
            return end - start;
        }
    }

    /** A compiled clause that lists its spans in a field, in start order. */
    @FunctionalInterface
    interface Source {
        List<Span> spans(Tokens tokens);
    }

    private static final Comparator<Span> ORDER = Comparator.comparingInt(Span::start).thenComparingInt(Span::end);

    private QuerySpans() {
    }

    /** The words side by side in order: {@code match_phrase}, or {@code span_near} with slop 0 over terms. */
    static Source terms(List<String> terms) {
        String first = terms.getFirst();
        return tokens -> {
            List<Span> out = new ArrayList<>();
            for (int p : tokens.positions(first)) {
                if (p + terms.size() <= tokens.size() && follows(tokens, terms, p)) {
                    out.add(new Span(p, p + terms.size()));
                }
            }
            return out;
        };
    }

    private static boolean follows(Tokens tokens, List<String> terms, int p) {
        for (int i = 1; i < terms.size(); i++) {
            if (!tokens.at(p + i).equals(terms.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Every word matching a wildcard pattern already normalised as {@link SearchText#wildcard} does. */
    static Source wildcard(String pattern) {
        Pattern regex = wildcardRegex(pattern);
        return tokens -> {
            List<Span> out = new ArrayList<>();
            for (int p = 0; p < tokens.size(); p++) {
                if (regex.matcher(tokens.at(p)).matches()) {
                    out.add(new Span(p, p + 1));
                }
            }
            return out;
        };
    }

    /** A Lucene wildcard ({@code *} any run of characters, {@code ?} one code point) as a regex. */
    static Pattern wildcardRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Any of the clauses ({@code span_or}). */
    static Source or(List<Source> clauses) {
        return tokens -> {
            List<Span> out = new ArrayList<>();
            clauses.forEach(c -> out.addAll(c.spans(tokens)));
            return distinct(out);
        };
    }

    /** The clauses one right after another ({@code span_near}, slop 0, in order). */
    static Source sequence(List<Source> clauses) {
        Source acc = clauses.getFirst();
        for (int i = 1; i < clauses.size(); i++) {
            acc = near(acc, clauses.get(i), 0, true);
        }
        return acc;
    }

    /**
     * Two clauses within {@code slop} words ({@code span_near}). In order, the right span must start at
     * or after the left one ends, with at most {@code slop} words between them; in any order, the words
     * the pair covers that belong to neither side must be at most {@code slop}.
     */
    static Source near(Source left, Source right, int slop, boolean ordered) {
        return tokens -> {
            List<Span> ls = left.spans(tokens);
            if (ls.isEmpty()) {
                return ls;
            }
            List<Span> rs = right.spans(tokens);
            int widest = 0;
            for (Span r : rs) {
                widest = Math.max(widest, r.width());
            }
            List<Span> out = new ArrayList<>();
            for (Span l : ls) {
                // Only right spans starting in this window can be near enough; rs is in start order.
                int last = l.end() + slop;
                for (int i = firstStartingAt(rs, ordered ? l.end() : l.start() - slop - widest);
                     i < rs.size() && rs.get(i).start() <= last; i++) {
                    Span r = rs.get(i);
                    if (ordered) {
                        int gap = r.start() - l.end();
                        if (gap >= 0 && gap <= slop) {
                            out.add(new Span(l.start(), r.end()));
                        }
                    } else {
                        int start = Math.min(l.start(), r.start());
                        int end = Math.max(l.end(), r.end());
                        if (end - start - l.width() - r.width() <= slop) {
                            out.add(new Span(start, end));
                        }
                    }
                }
            }
            return distinct(out);
        };
    }

    /** The index of the first span starting at or after a position. */
    private static int firstStartingAt(List<Span> spans, int position) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).start() < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sorted without repeats, so that nested NEARs stay bounded by the pairs of positions. */
    private static List<Span> distinct(List<Span> spans) {
        spans.sort(ORDER);
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            if (out.isEmpty() || !out.getLast().equals(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
