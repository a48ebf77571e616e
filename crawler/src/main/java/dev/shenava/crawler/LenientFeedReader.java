package dev.shenava.crawler;

import com.rometools.rome.io.impl.DateParser;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Reads items from feeds an XML parser refuses (unclosed CDATA, bare ampersands, undeclared namespaces),
 * with jsoup's forgiving XML tree builder.
 */
final class LenientFeedReader {

    private LenientFeedReader() {
    }

    static boolean looksLikeFeed(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf") || head.contains("<channel");
    }

    static List<Post> read(Source source, Fetched page, String text) {
        Document doc = Jsoup.parse(text, page.url(), Parser.xmlParser());
        return doc.select("item, entry").stream()
                .map(item -> post(source, page, item))
                .filter(p -> p != null)
                .toList();
    }

    private static Post post(Source source, Fetched page, Element item) {
        String title = Html.text(first(item, "title"));
        String link = link(item);
        String body = first(item, "content|encoded");
        for (String name : List.of("content", "description", "summary")) {
            body = body.isBlank() ? first(item, name) : body;
        }
        String id = first(item, "guid");
        id = id.isBlank() ? first(item, "id") : id;
        String resolved = FeedConnector.resolve(page.url(), link);
        id = !id.isBlank() ? id.strip() : !resolved.isEmpty() ? resolved : ContentHash.of(title, body);
        if (title.isBlank() && body.isBlank() && resolved.isEmpty()) {
            return null;
        }
        Date date = null;
        for (String name : List.of("pubDate", "published", "dc|date", "updated", "issued", "modified", "dc|created")) {
            String raw = first(item, name);
            date = date == null && !raw.isBlank() ? DateParser.parseDate(raw.strip(), Locale.US) : date;
        }
        String author = first(item, "author > name");
        author = author.isBlank() ? first(item, "dc|creator") : author;
        author = author.isBlank() ? first(item, "author") : author;
        return new Post(source.id(), source.kind(), id, Urls.canonical(resolved), new Author("", author, -1),
                title, Html.text(body), FeedConnector.date(date), page.fetchedAt(), Engagement.NONE);
    }

    private static String link(Element item) {
        for (Element link : item.children()) {
            if (!link.tagName().equalsIgnoreCase("link")) {
                continue;
            }
            String rel = link.attr("rel");
            if (link.hasAttr("href") && (rel.isEmpty() || rel.equals("alternate"))) {
                return link.attr("href");
            }
            if (!link.text().isBlank()) {
                return link.text().strip();
            }
        }
        return "";
    }

    private static String first(Element item, String selector) {
        Elements found;
        try {
            found = item.select(selector);
        } catch (RuntimeException badSelector) {
            return "";
        }
        for (Element e : found) {
            if (e.parent() == item || e.parent() != null && e.parent().parent() == item) {
                return e.children().isEmpty() ? e.wholeText().strip() : e.html();
            }
        }
        return "";
    }
}
