package dev.shenava.crawler;

/**
 * Synthetic but realistically shaped responses for {@link CrawlBenchmark}: an RSS feed, a t.me/s page and an
 * Algolia answer, with Persian and English text.
 */
final class BenchPages {

    private static final String FA = "ارسال سفارش‌ها امروز با تأخیر انجام می‌شود و پشتیبانی پاسخگو نیست. ";
    private static final String EN = "Delivery was late again and support did not answer the phone for an hour. ";

    private BenchPages() {
    }

    static byte[] rss(int items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Bench news</title><link>https://news.example/</link><description>bench</description>\n");
        for (int i = 0; i < items; i++) {
            b.append("<item><title>").append(i % 2 == 0 ? "خبر شماره " : "Story number ").append(i)
                    .append("</title><link>https://news.example/story/").append(i).append("?utm_source=rss</link>")
                    .append("<guid>story-").append(i).append("</guid><pubDate>Sat, 21 Nov 2026 10:")
                    .append(String.format("%02d", i % 60)).append(":00 GMT</pubDate><description>&lt;p&gt;")
                    .append((i % 2 == 0 ? FA : EN).repeat(6)).append("&lt;/p&gt;</description></item>\n");
        }
        return CrawlBenchmark.utf8(b.append("</channel></rss>").toString());
    }

    static byte[] telegram(int messages) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bench</title>"
                + "</head><body><section class=\"tgme_channel_history js-message_history\">");
        for (int i = 1; i <= messages; i++) {
            b.append("<div class=\"tgme_widget_message_wrap js-widget_message_wrap\"><div class=\"tgme_widget_message"
                    + " js-widget_message\" data-post=\"bench_channel/").append(i).append("\"><div class=\""
                    + "tgme_widget_message_author\"><a class=\"tgme_widget_message_owner_name\" href=\"#\">کانال</a>"
                    + "</div><div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">")
                    .append(FA.repeat(4)).append("<br/>").append(EN).append("</div><span class=\""
                    + "tgme_widget_message_views\">").append(i).append(".2K</span><a class=\"tgme_widget_message_date\""
                    + " href=\"https://t.me/bench_channel/").append(i).append("\"><time datetime=\"2026-11-21T10:00:00"
                    + "+00:00\"></time></a></div></div>\n");
        }
        return CrawlBenchmark.utf8(b.append("</section></body></html>").toString());
    }

    static byte[] hackerNews(int hits) {
        StringBuilder b = new StringBuilder("{\"hits\":[");
        for (int i = 0; i < hits; i++) {
            b.append(i == 0 ? "" : ",").append("{\"created_at\":\"2026-11-21T10:00:00.000Z\",\"created_at_i\":")
                    .append(1795255200 - i).append(",\"author\":\"user").append(i).append("\",\"comment_text\":\"")
                    .append(EN.repeat(3)).append("&#x27;ok&#x27;<p>more\",\"story_title\":\"Ask HN\",\"points\":null,")
                    .append("\"objectID\":\"").append(46000000 + i).append("\",\"_tags\":[\"comment\"]}");
        }
        return CrawlBenchmark.utf8(b.append("],\"nbHits\":").append(hits).append(",\"page\":0,\"nbPages\":1}").toString());
    }
}
