package dev.shenava.api;

import dev.shenava.crawler.Post;
import dev.shenava.crawler.PostSink;
import dev.shenava.crawler.Source;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.Mention;
import dev.shenava.store.MentionJournal;

import java.util.List;

/**
 * The crawl hand-off the fault cases use: each post becomes a mention of its source's brands, analysed,
 * and is appended to the journal; {@link #accept} returns only once the journal has fsynced them.
 */
final class JournalSink implements PostSink {

    private final TextAnalyzer analyzer;
    private final MentionJournal journal;

    JournalSink(TextAnalyzer analyzer, MentionJournal journal) {
        this.analyzer = analyzer;
        this.journal = journal;
    }

    static Mention mention(TextAnalyzer analyzer, Post post, List<String> brands) {
        return Mention.of(post, brands, analyzer.analyze(post.text().isBlank() ? post.title() : post.text()));
    }

    @Override
    public void accept(Source source, List<Post> posts) {
        journal.append(posts.stream().map(p -> mention(analyzer, p, source.brands())).toList());
    }
}
