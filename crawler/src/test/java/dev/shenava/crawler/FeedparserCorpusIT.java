package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The feedparser encoding and ill-formed corpus, served with the headers its MANIFEST names: no crash, the entries
 * feedparser finds, and the descriptions it expects.
 */
class FeedparserCorpusIT {

    private static final Pattern ENTRY = Pattern.compile("<(item|entry)[\\s>/]");
    private static final Pattern DESCRIPTION = Pattern.compile("entries\\[0\\]\\['description'\\] == '(.*)'$");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void readsTheCorpusWithoutCrashingAndFindsFeedparsersEntries() throws IOException {
        Path root = Fixtures.shared("rss/feedparser");
        List<String[]> rows = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(l -> l.split("\t", -1)).filter(r -> r.length >= 4).toList();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath().substring(1);
                String[] row = rows.stream().filter(r -> r[0].equals(path)).findFirst().orElseThrow();
                MockResponse.Builder b = new MockResponse.Builder();
                try {
                    b.body(new Buffer().write(Files.readAllBytes(root.resolve(path))));
                } catch (IOException e) {
                    return b.code(500).build();
                }
                if (row[3].contains(":")) {
                    b.setHeader(row[3].substring(0, row[3].indexOf(':')).strip(),
                            row[3].substring(row[3].indexOf(':') + 1).strip());
                }
                return b.build();
            }
        });
        FeedConnector connector = new FeedConnector();
        Fetcher fetcher = Fetcher.create(Fixtures.config());
        Source source = Fixtures.source("corpus", SourceKind.RSS, Map.of("url", server.url("/").toString()));
        int entriesMatch = 0;
        int described = 0;
        int descriptionsMatch = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            Fetched page = fetcher.get(server.url("/" + row[0]).toString(), Map.of());
            assertEquals(CrawlStatus.FETCHED, page.status(), row[0]);
            List<Post> posts;
            try {
                posts = connector.parse(source, page);
            } catch (CrawlException unreadable) { // a handled refusal, not a crash
                posts = List.of();
                misses.add(row[0] + " refused: " + unreadable.getMessage());
            }
            int expected = count(ENTRY.matcher(page.text()));
            if (posts.size() == expected) {
                entriesMatch++;
            } else {
                misses.add(row[0] + " entries " + posts.size() + "/" + expected);
            }
            Matcher m = DESCRIPTION.matcher(row[2]);
            if (m.find() && !posts.isEmpty()) {
                described++;
                String want = Html.text(unescape(m.group(1)));
                if (posts.getFirst().text().equals(want)) {
                    descriptionsMatch++;
                } else {
                    misses.add(row[0] + " description '" + posts.getFirst().text() + "' want '" + want + "'");
                }
            }
        }
        System.out.printf("feedparser corpus: %d files, none crashed, entry count as feedparser in %d,"
                + " expected description in %d of %d%n", rows.size(), entriesMatch, descriptionsMatch, described);
        misses.forEach(s -> System.out.println("  " + s));
        assertTrue(entriesMatch >= rows.size() * 9 / 10, entriesMatch + " of " + rows.size());
        assertTrue(descriptionsMatch >= described - 2, descriptionsMatch + " of " + described);
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Reads a Python string literal body: \\uXXXX, \\xXX and \\' escapes. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'u' && i + 5 < s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
                if (n == 'x' && i + 3 < s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
                out.append(n);
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
