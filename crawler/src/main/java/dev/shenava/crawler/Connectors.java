package dev.shenava.crawler;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One connector per source kind.
 */
public final class Connectors {

    private final Map<SourceKind, Connector> byKind = new EnumMap<>(SourceKind.class);

    private Connectors(List<Connector> connectors) {
        connectors.forEach(c -> byKind.put(c.kind(), c));
    }

    /**
     * A connector for every kind.
     *
     * @return the registry
     */
    public static Connectors create() {
        return new Connectors(List.of(new FeedConnector(), new WebConnector(), new TelegramConnector(),
                new RedditConnector(), new MastodonConnector(), new HackerNewsConnector(), new BlueskyConnector(),
                new XConnector(), new YouTubeConnector(), new AppStoreConnector()));
    }

    /**
     * The connector for a kind.
     *
     * @param kind the kind
     * @return its connector
     */
    public Connector forKind(SourceKind kind) {
        Connector c = byKind.get(kind);
        if (c == null) {
            throw new CrawlException("no connector for source kind " + kind.id());
        }
        return c;
    }
}
