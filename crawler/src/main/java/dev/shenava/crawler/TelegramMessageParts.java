package dev.shenava.crawler;

import org.jsoup.internal.StringUtil;

/** A Telegram message being read from a page: its element's depth and the parts found so far. */
final class TelegramMessageParts {
    final int depth;
    final String dataPost;
    boolean dateFound;
    boolean textFound;
    boolean titleFound;
    boolean ownerFound;
    boolean signedFound;
    boolean viewsFound;
    /** Depth of the first link preview while it is open, 0 before it, -1 after it. */
    int previewDepth;
    String href = "";
    String text = "";
    String title = "";
    String datetime;
    String owner = "";
    String signed = "";
    String views = "";

    TelegramMessageParts(int depth, String dataPost) {
        this.depth = depth;
        this.dataPost = dataPost;
    }

    TelegramConnector.Message message(String baseUrl) {
        String link = href.startsWith("https://") || href.isEmpty() ? href : StringUtil.resolve(baseUrl, href);
        return new TelegramConnector.Message(dataPost, link, text, title, datetime, owner, signed, views);
    }
}
