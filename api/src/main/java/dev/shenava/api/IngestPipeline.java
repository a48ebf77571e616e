package dev.shenava.api;

import dev.shenava.crawler.Post;
import dev.shenava.nlp.Analysis;
import dev.shenava.nlp.Brand;
import dev.shenava.nlp.BrandMatch;
import dev.shenava.nlp.BrandMatcher;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.MatchTarget;
import dev.shenava.store.Mention;
import dev.shenava.store.MentionJournal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The way every post becomes a stored mention, for crawlers and imports alike:
 * brand matching, then analysis, then the durable journal in front of Elasticsearch.
 * Thread-safe; analysis runs on the caller's thread.
 */
public final class IngestPipeline {

    private final TextAnalyzer analyzer;
    private final MentionJournal journal;
    private volatile BrandMatcher matcher;
    private volatile Set<String> brandIds;
    private volatile BrandQueries queries = BrandQueries.NONE;

    private IngestPipeline(TextAnalyzer analyzer, MentionJournal journal, List<Brand> brands) {
        this.analyzer = analyzer;
        this.journal = journal;
        brands(brands);
    }

    /**
     * Creates the pipeline.
     *
     * @param analyzer the text analyser
     * @param journal  where accepted mentions go
     * @param brands   the tracked brands
     * @return the pipeline
     */
    public static IngestPipeline create(TextAnalyzer analyzer, MentionJournal journal, List<Brand> brands) {
        return new IngestPipeline(analyzer, journal, brands);
    }

    /**
     * Replaces the tracked brands (after a change through the API).
     *
     * @param brands the brands
     */
    public void brands(List<Brand> brands) {
        brands(brands, Map.of());
    }

    /**
     * Replaces the tracked brands and their advanced queries: a brand with a query matches a post
     * when the query does (and none of its excludes occurs), the others by their terms.
     *
     * @param brands  the brands
     * @param queries query text by brand id; a query that does not compile is logged and its brand
     *                matches by its terms
     */
    public void brands(List<Brand> brands, Map<String, String> queries) {
        BrandQueries compiled = BrandQueries.compile(brands, queries);
        this.matcher = BrandMatcher.create(brands);
        this.brandIds = Set.copyOf(brands.stream().map(Brand::id).toList());
        this.queries = compiled;
    }

    /**
     * Matches and analyses a post.
     *
     * @param post           the post
     * @param explicitBrands brands the caller already knows the post is about (may be empty)
     * @return the mention, or empty when the post mentions no tracked brand and none was given
     */
    public Optional<Mention> mention(Post post, List<String> explicitBrands) {
        return mention(post, explicitBrands, "", Set.of());
    }

    /**
     * Matches and analyses a post whose language the caller may know better than detection.
     *
     * @param post           the post
     * @param explicitBrands brands the caller already knows the post is about (may be empty)
     * @param lang           ISO 639-1 code, or empty to detect it
     * @return the mention, or empty when the post mentions no tracked brand and none was given
     */
    public Optional<Mention> mention(Post post, List<String> explicitBrands, String lang) {
        return mention(post, explicitBrands, lang, Set.of());
    }

    private Optional<Mention> mention(Post post, List<String> explicitBrands, String lang, Set<String> only) {
        Set<String> brands = new LinkedHashSet<>(explicitBrands);
        String matchable = post.title().isEmpty() ? post.text() : post.title() + "\n" + post.text();
        BrandQueries q = queries;
        // Identified here only when it can change the match; reused by the analysis when it saw the same text.
        String identified = lang.isEmpty() && BrandMatcher.languageMatters(matchable)
                ? analyzer.language(matchable) : "";
        String matchLanguage = !lang.isEmpty() ? lang : identified.isEmpty() ? "und" : identified;
        for (BrandMatch m : matcher.match(matchable, matchLanguage)) {
            if (!q.has(m.brandId()) && (only.isEmpty() || only.contains(m.brandId()))) {
                brands.add(m.brandId());
            }
        }
        String analysed = post.text().isBlank() ? post.title() : post.text();
        String known = !lang.isEmpty() ? lang : analysed.equals(matchable) ? identified : "";
        Analysis[] analysis = new Analysis[1];
        if (!q.isEmpty()) {
            MatchTarget target = MatchTarget.of(post, q.normalize(analysed), () -> known.isEmpty()
                    ? (analysis[0] = analyzer.analyze(analysed)).language() : known);
            q.matching(target, matchable).stream().filter(id -> only.isEmpty() || only.contains(id))
                    .forEach(brands::add);
        }
        if (brands.isEmpty()) {
            return Optional.empty();
        }
        Analysis a = analysis[0] != null ? analysis[0] : analyzer.analyze(analysed, known);
        return Optional.of(Mention.of(post, List.copyOf(brands), a));
    }

    /**
     * Durably accepts mentions (they reach Elasticsearch through the journal).
     *
     * @param mentions mentions from {@link #mention(Post, List)}
     */
    public void accept(List<Mention> mentions) {
        journal.append(mentions);
    }

    /**
     * Matches, analyses and durably accepts posts; returns the posts that mention no brand.
     *
     * @param posts the posts
     * @return the posts that were dropped because they mention no tracked brand
     */
    public List<Post> submit(List<Post> posts) {
        return submit(posts, Set.of());
    }

    /**
     * Matches posts against some brands only (a source's own list), analyses and durably accepts them.
     *
     * @param posts the posts
     * @param only  the brand ids to match; empty to match every tracked brand
     * @return the posts that were dropped because they mention none of those brands
     */
    public List<Post> submit(List<Post> posts, Set<String> only) {
        List<Mention> mentions = new ArrayList<>(posts.size());
        List<Post> dropped = new ArrayList<>();
        for (Post p : posts) {
            mention(p, List.of(), "", only).ifPresentOrElse(mentions::add, () -> dropped.add(p));
        }
        accept(mentions);
        return dropped;
    }

    /** @return ids of the tracked brands */
    public Set<String> brandIds() {
        return brandIds;
    }

    /** @return the journal behind the pipeline */
    public MentionJournal journal() {
        return journal;
    }
}
