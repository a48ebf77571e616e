package dev.shenava.crawler;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;

/**
 * ROME without its two per-feed costs: a SAX parser created (and probed for features) for every feed, and
 * {@code SimpleDateFormat}s built for every date it tries. Parsers are pooled; item dates in the two shapes nearly
 * every feed uses (RFC 1123 in RSS 2.0, RFC 3339 in Atom 1.0) are read with java.time before ROME sees the item,
 * and any other date is left to ROME as before.
 */
final class RomeFeedReader extends WireFeedInput {

    /** A feed and, aligned with its entries, the dates read here (null where ROME read them). */
    record Read(SyndFeed feed, List<Instant> published, List<Instant> updated) {

        Instant published(int entry) {
            return entry < published.size() ? published.get(entry) : null;
        }

        Instant updated(int entry) {
            return entry < updated.size() ? updated.get(entry) : null;
        }
    }

    private static final Queue<SAXBuilder> POOL = new ConcurrentLinkedQueue<>();
    private static final int POOL_CAP = 32;
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private RomeFeedReader() {
        super(false, java.util.Locale.US);
        setAllowDoctypes(false);
    }

    /**
     * Reads a feed as {@code SyndFeedInput.build} would.
     *
     * @param xml the feed
     * @param heal whether ROME's XML healer repairs entities and stray bytes first
     * @return the feed and the dates read ahead of ROME
     * @throws Exception whatever ROME throws for a feed it cannot read
     */
    static Read read(String xml, boolean heal) throws Exception {
        RomeFeedReader reader = new RomeFeedReader();
        Document doc = reader.document(xml, heal);
        Dates dates = takeDates(doc);
        SyndFeed feed = new SyndFeedImpl(reader.build(doc), false);
        if (dates.count != feed.getEntries().size()) { // entries not where we looked: let ROME read every date
            feed = new SyndFeedImpl(reader.build(reader.document(xml, heal)), false);
            return new Read(feed, List.of(), List.of());
        }
        return new Read(feed, Arrays.asList(dates.published), Arrays.asList(dates.updated));
    }

    private Document document(String xml, boolean heal) throws Exception {
        SAXBuilder builder = POOL.poll();
        builder = builder == null ? createSAXBuilder() : builder;
        Reader in = heal ? new XmlFixerReader(new StringReader(xml)) : new StringReader(xml);
        Document doc;
        try {
            doc = builder.build(in);
        } catch (JDOMException e) {
            throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
        }
        if (POOL.size() < POOL_CAP) {
            POOL.offer(builder); // only after a clean parse: a builder that failed is dropped
        }
        return doc;
    }

    private static final class Dates {
        int count = -1;
        Instant[] published = new Instant[0];
        Instant[] updated = new Instant[0];
    }

    /** Detaches the item dates read here, so that ROME does not read them again. */
    private static Dates takeDates(Document doc) {
        Dates dates = new Dates();
        Element root = doc.getRootElement();
        List<Element> items = new ArrayList<>();
        boolean rss = root.getName().equals("rss") && root.getNamespace() == Namespace.NO_NAMESPACE
                && "2.0".equals(root.getAttributeValue("version", "").trim());
        if (rss) {
            Element channel = root.getChild("channel");
            items = channel == null ? List.of() : channel.getChildren("item");
        } else if (root.getName().equals("feed") && root.getNamespace().equals(ATOM)) {
            items = root.getChildren("entry", ATOM);
        } else {
            return dates;
        }
        dates.count = items.size();
        dates.published = new Instant[items.size()];
        dates.updated = new Instant[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            if (item.getChild("date", Namespace.getNamespace(DC)) != null) {
                continue; // dc:date and the item's own date compete inside ROME: leave both to it
            }
            if (rss) {
                dates.published[i] = take(item.getChild("pubDate"), true);
            } else {
                dates.published[i] = take(item.getChild("published", ATOM), false);
                dates.updated[i] = take(item.getChild("updated", ATOM), false);
            }
        }
        return dates;
    }

    private static Instant take(Element date, boolean rfc1123) {
        if (date == null) {
            return null;
        }
        String text = date.getTextTrim();
        Instant at = null;
        try {
            if (rfc1123) {
                at = Timestamps.rfc1123(text);
                at = at != null ? at : ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } else {
                at = Timestamps.rfc3339(text);
            }
        } catch (RuntimeException unusual) {
            at = null;
        }
        if (at != null) {
            date.detach();
        }
        return at;
    }
}
