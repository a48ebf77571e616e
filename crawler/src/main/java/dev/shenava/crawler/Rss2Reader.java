package dev.shenava.crawler;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A streaming (StAX) reader for the plain RSS 2.0 feed most news sites serve, giving exactly the entries ROME gives
 * for it without building a JDOM tree and ROME's object model. It reads only feeds it fully understands: root
 * {@code <rss version="2.0">} without namespace, item fields holding text only, dates in RFC 1123, no Dublin Core
 * element but {@code dc:creator}, no Atom element inside an item. On anything else it answers null and the feed goes
 * to ROME.
 */
final class Rss2Reader {

    /**
     * An item's fields as ROME's {@code SyndEntry} holds them for an RSS 2.0 item.
     *
     * @param link        {@code getLink()}: the link, or a permalink guid when there is no link
     * @param title       {@code getTitle()}
     * @param content     the value of {@code content:encoded}, null when absent
     * @param description {@code getDescription().getValue()}, null when absent
     * @param uri         {@code getUri()}: the guid, or the link when there is no guid
     * @param author      {@code getAuthor()}: the first dc:creator, else the author
     * @param published   the pubDate
     */
    record Entry(String link, String title, String content, String description, String uri, String author,
                 Instant published) {
    }

    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    /**
     * Factories that each reuse one reader (the JDK's reuse-instance property): a reader's buffers and symbol table
     * are tens of kilobytes, allocated for every feed otherwise. A factory is taken by one feed at a time.
     */
    private static final java.util.concurrent.ConcurrentLinkedQueue<XMLInputFactory> FACTORIES =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int POOLED = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    private Rss2Reader() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own, whatever else is on the class path
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty("reuse-instance", true); // the JDK factory's own property
        return f;
    }

    /** Why a feed is left to ROME: thrown and caught inside this class only. */
    private static final class Unusual extends Exception {
        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    /**
     * The entries of a plain RSS 2.0 feed, or null when the feed is anything else (or not well-formed), for ROME.
     *
     * @param xml the feed, DOCTYPE removed
     * @return the entries in document order, or null
     */
    static List<Entry> read(String xml) {
        if (!xml.contains("<rss") || !xml.contains("2.0")) {
            return null; // cheap: certainly no plain RSS 2.0 root
        }
        XMLInputFactory factory = FACTORIES.poll();
        factory = factory != null ? factory : factory();
        XMLStreamReader in = null;
        boolean reusable = false;
        try {
            in = factory.createXMLStreamReader(new StringReader(xml));
            List<Entry> entries = entries(in);
            reusable = true;
            return entries;
        } catch (XMLStreamException | Unusual | RuntimeException notForUs) {
            return null;
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (XMLStreamException ignored) {
                    reusable = false;
                }
            }
            if (reusable && FACTORIES.size() < POOLED) { // a reader left in an error state is not reused
                FACTORIES.offer(factory);
            }
        }
    }

    private static List<Entry> entries(XMLStreamReader in) throws XMLStreamException, Unusual {
        int first = next(in);
        while (first == XMLStreamConstants.COMMENT || first == XMLStreamConstants.PROCESSING_INSTRUCTION
                || first == XMLStreamConstants.SPACE || first == XMLStreamConstants.CHARACTERS && in.isWhiteSpace()) {
            first = next(in);
        }
        if (first != XMLStreamConstants.START_ELEMENT || !plain(in, "rss") || !"2.0".equals(version(in))) {
            throw UNUSUAL;
        }
        List<Entry> entries = new ArrayList<>();
        boolean channelSeen = false;
        int event;
        while ((event = next(in)) != XMLStreamConstants.END_ELEMENT) { // children of <rss>
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!channelSeen && plain(in, "channel")) {
                channelSeen = true;
                channel(in, entries);
            } else {
                skip(in);
            }
        }
        while (in.hasNext()) { // the rest must be well-formed too, as for the tree builder
            event = in.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.ENTITY_REFERENCE
                    || event == XMLStreamConstants.DTD) {
                throw UNUSUAL;
            }
        }
        return entries;
    }

    private static String version(XMLStreamReader in) {
        for (int i = 0; i < in.getAttributeCount(); i++) {
            if ("version".equals(in.getAttributeLocalName(i)) && noNamespace(in.getAttributeNamespace(i))) {
                return in.getAttributeValue(i);
            }
        }
        return null;
    }

    private static void channel(XMLStreamReader in, List<Entry> entries) throws XMLStreamException, Unusual {
        int event;
        while ((event = next(in)) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (plain(in, "item")) {
                entries.add(item(in));
            } else {
                skip(in);
            }
        }
    }

    private static Entry item(XMLStreamReader in) throws XMLStreamException, Unusual {
        String title = null;
        String link = null;
        String description = null;
        String content = null;
        String guid = null;
        boolean permaLink = true;
        String author = null;
        String creator = null;
        String pubDate = null;
        int event;
        while ((event = next(in)) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = in.getNamespaceURI();
            String name = in.getLocalName();
            if (noNamespace(ns)) {
                switch (name) { // the first of each counts, as ROME's getChild
                    case "title" -> title = first(title, text(in));
                    case "link" -> link = first(link, text(in));
                    case "description" -> description = first(description, text(in));
                    case "author" -> author = first(author, text(in));
                    case "pubDate" -> pubDate = first(pubDate, text(in));
                    case "guid" -> {
                        if (guid == null) {
                            String attribute = null;
                            for (int i = 0; i < in.getAttributeCount(); i++) {
                                if ("isPermaLink".equals(in.getAttributeLocalName(i))
                                        && noNamespace(in.getAttributeNamespace(i))) {
                                    attribute = in.getAttributeValue(i);
                                }
                            }
                            permaLink = attribute == null || attribute.equalsIgnoreCase("true");
                            guid = text(in);
                        } else {
                            skip(in);
                        }
                    }
                    default -> skip(in);
                }
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                content = first(content, text(in));
            } else if (ns.equals(DC) && name.equals("creator")) {
                String value = text(in);
                if (value.isEmpty() || !value.equals(value.strip())) {
                    throw UNUSUAL; // how ROME's module parser reads these is not worth copying
                }
                creator = first(creator, value);
            } else if (ns.equals(DC) || ns.equals(ATOM)) {
                throw UNUSUAL; // dc:date and friends change ROME's dates and authors
            } else {
                skip(in);
            }
        }
        Entry entry = entry(title, link, description, content, guid, permaLink, author, creator, pubDate);
        if (entry == null) {
            throw UNUSUAL;
        }
        return entry;
    }

    /**
     * An item's entry from the first of each of its fields (null when absent), as ROME's {@code SyndEntry} gives it;
     * null when its date is in a shape only ROME's lenient date parser reads.
     */
    static Entry entry(String title, String link, String description, String content, String guid, boolean permaLink,
                       String author, String creator, String pubDate) {
        Instant published = null;
        if (pubDate != null) {
            published = date(pubDate.strip());
            if (published == null) {
                return null;
            }
        }
        return entryAt(title, link, description, content, guid, permaLink, author, creator, published);
    }

    /** {@link #entry} of an item whose date (null when none) is read already. */
    static Entry entryAt(String title, String link, String description, String content, String guid,
                         boolean permaLink, String author, String creator, Instant published) {
        String uri = guid != null ? guid : link;
        String entryLink = link == null && guid != null && permaLink ? guid : link;
        return new Entry(entryLink, title, content, description, uri, creator != null ? creator : author, published);
    }

    /** An RFC 1123 date, null when it is not one. */
    private static Instant date(String text) {
        try {
            Instant at = Timestamps.rfc1123(text);
            return at != null ? at : ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException unusual) {
            return null; // ROME's lenient date parser reads more shapes
        }
    }

    private static String first(String kept, String value) {
        return kept != null ? kept : value;
    }

    /** The text of an element holding text only; a child element is unusual (ROME would read only the direct text). */
    private static String text(XMLStreamReader in) throws XMLStreamException, Unusual {
        String text = null;
        StringBuilder more = null;
        int event;
        while ((event = next(in)) != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (text == null) {
                    text = in.getText();
                } else {
                    more = more == null ? new StringBuilder(text) : more;
                    more.append(in.getText());
                }
            } else if (event != XMLStreamConstants.COMMENT && event != XMLStreamConstants.PROCESSING_INSTRUCTION) {
                throw UNUSUAL;
            }
        }
        return more != null ? more.toString() : text == null ? "" : text;
    }

    /** Skips the element just started, checking that nothing in it needs a DTD. */
    private static void skip(XMLStreamReader in) throws XMLStreamException, Unusual {
        int depth = 1;
        while (depth > 0) {
            int event = next(in);
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private static int next(XMLStreamReader in) throws XMLStreamException, Unusual {
        if (!in.hasNext()) {
            throw UNUSUAL;
        }
        int event = in.next();
        if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD
                || event == XMLStreamConstants.END_DOCUMENT) {
            throw UNUSUAL;
        }
        return event;
    }

    private static boolean plain(XMLStreamReader in, String name) {
        return name.equals(in.getLocalName()) && noNamespace(in.getNamespaceURI());
    }

    private static boolean noNamespace(String ns) {
        return ns == null || ns.isEmpty();
    }
}
