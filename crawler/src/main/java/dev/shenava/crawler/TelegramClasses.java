package dev.shenava.crawler;

/**
 * The class names a Telegram page's walk asks about, and their bits in {@link Html#classBits}: shared by the
 * stream reader and the jsoup walk it is tested against.
 */
final class TelegramClasses {

    /** The classes, in bit order. */
    static final Html.ClassNames NAMES = new Html.ClassNames("tgme_widget_message", "tgme_widget_message_reply",
        "tgme_widget_message_link_preview", "service_message", "tgme_channel_info_counter", "tgme_widget_message_date",
        "tgme_widget_message_text", "tgme_widget_message_owner_name", "tgme_widget_message_from_author",
        "tgme_widget_message_views", "link_preview_title", "counter_type", "counter_value");
    static final long MESSAGE = 1;
    static final long REPLY = 1 << 1;
    static final long PREVIEW = 1 << 2;
    static final long SERVICE = 1 << 3;
    static final long COUNTER = 1 << 4;
    static final long DATE = 1 << 5;
    static final long TEXT = 1 << 6;
    static final long OWNER = 1 << 7;
    static final long SIGNED = 1 << 8;
    static final long VIEWS = 1 << 9;
    static final long PREVIEW_TITLE = 1 << 10;
    static final long COUNTER_TYPE = 1 << 11;
    static final long COUNTER_VALUE = 1 << 12;

    private TelegramClasses() {
    }
}
