package dev.shenava.store;

import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.util.List;

/**
 * Highlighting of search results: fragments of the searched text with {@code <mark>} around the
 * words the query matched, HTML-escaped so that a page can show them as they are.
 */
final class MentionHighlight {

    static final Highlight REQUEST = Highlight.of(h -> h
            .encoder(HighlighterEncoder.Html)
            .preTags("<mark>")
            .postTags("</mark>")
            .fields("text", f -> f.fragmentSize(160).numberOfFragments(3).noMatchSize(0)));

    private MentionHighlight() {
    }

    static Mention mention(Hit<MentionDocument> hit) {
        Mention mention = hit.source().toMention();
        List<String> fragments = hit.highlight() == null ? null : hit.highlight().get("text");
        return fragments == null || fragments.isEmpty() ? mention : mention.withHighlight(fragments);
    }
}
