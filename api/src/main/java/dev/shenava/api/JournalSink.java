package dev.shenava.api;

import dev.shenava.crawler.Post;
import dev.shenava.crawler.PostSink;
import dev.shenava.crawler.Source;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.Mention;

import java.util.List;
import java.util.Set;

/**
 * The crawl hand-off of the separate crawl worker and the fault cases: posts go through the same
 * {@link IngestPipeline} as the service's crawler (matched against the source's brands, their queries
 * included, analysed, appended to the journal); {@link #accept} returns only once the journal has fsynced them.
 */
final class JournalSink implements PostSink {

    private final IngestPipeline pipeline;

    JournalSink(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A mention of given brands without matching, for the fault cases' import side. */
    static Mention mention(TextAnalyzer analyzer, Post post, List<String> brands) {
        return Mention.of(post, brands, analyzer.analyze(post.text().isBlank() ? post.title() : post.text()));
    }

    @Override
    public void accept(Source source, List<Post> posts) {
        // as CrawlService: a source that lists brands is about those only, one that lists none about every brand
        pipeline.submit(posts, Set.copyOf(source.brands()));
    }
}
