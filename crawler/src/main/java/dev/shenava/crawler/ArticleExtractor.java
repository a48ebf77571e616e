package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pulls an article out of a web page: canonical URL, title, author, publication date (JSON-LD, OpenGraph,
 * {@code <time>}) and the main text without navigation, headers, footers, sidebars and share boxes (the block
 * whose paragraphs hold the most text wins, as in Readability).
 */
final class ArticleExtractor {

    private static final String BOILERPLATE = "nav, header, footer, aside, form, script, style, noscript, iframe,"
            + " [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .nav, .navbar, .menu,"
            + " .sidebar, .breadcrumb, .breadcrumbs, .share, .social, .related, .comments, .advert, .ads, .cookie";

    private ArticleExtractor() {
    }

    record Article(String url, String title, String author, Instant published, String text) {
    }

    static Article extract(Document doc, String pageUrl) {
        JsonNode ld = jsonLd(doc);
        String canonical = attr(doc, "link[rel=canonical]", "abs:href");
        canonical = canonical.isEmpty() ? attr(doc, "meta[property=og:url]", "content") : canonical;
        String title = Json.text(ld, "headline");
        title = title.isEmpty() ? attr(doc, "meta[property=og:title]", "content") : title;
        title = title.isEmpty() && doc.selectFirst("h1") != null ? doc.selectFirst("h1").text() : title;
        title = title.isEmpty() ? doc.title() : title;
        String author = ld.path("author").isArray() ? Json.text(ld.path("author").path(0), "name")
                : ld.path("author").isObject() ? Json.text(ld.path("author"), "name") : Json.text(ld, "author");
        author = author.isEmpty() ? attr(doc, "meta[name=author]", "content") : author;
        String date = Json.text(ld, "datePublished");
        date = date.isEmpty() ? attr(doc, "meta[property=article:published_time]", "content") : date;
        date = date.isEmpty() ? attr(doc, "time[datetime]", "datetime") : date;
        return new Article(Urls.canonical(canonical.isEmpty() ? pageUrl : canonical), title.strip(), author.strip(),
                Json.instant(date), mainText(doc));
    }

    static String mainText(Document doc) {
        Element body = doc.body().clone();
        body.select(BOILERPLATE).remove();
        Element article = body.selectFirst("[itemprop=articleBody]");
        article = article == null ? body.selectFirst("article") : article;
        if (article == null) {
            Map<Element, Integer> scores = new HashMap<>();
            for (Element p : body.select("p")) {
                int length = p.text().length();
                if (length >= 25 && p.parent() != null) {
                    scores.merge(p.parent(), length, Integer::sum);
                    if (p.parent().parent() != null) {
                        scores.merge(p.parent().parent(), length / 2, Integer::sum);
                    }
                }
            }
            article = scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body);
        }
        article.select("h1").remove(); // the title travels separately
        return Html.text(article);
    }

    private static JsonNode jsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = Json.MAPPER.readTree(script.data());
                for (JsonNode candidate : node.isArray() ? node : node.has("@graph") ? node.path("@graph")
                        : Json.MAPPER.createArrayNode().add(node)) {
                    String type = candidate.path("@type").toString();
                    if (type.contains("Article") || type.contains("Posting") || type.contains("Report")) {
                        return candidate;
                    }
                }
            } catch (Exception ignored) {
                // broken JSON-LD is common; fall back to meta tags
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    private static String attr(Document doc, String selector, String attribute) {
        Element e = doc.selectFirst(selector);
        return e == null ? "" : e.attr(attribute).strip();
    }
}
