package dev.shenava.crawler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shenava crawl parse --kind KIND FILE [--url URL] [--header 'K: V']...}: parses a saved response as that
 * connector would and prints one JSON post per line.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse a saved response as the connector for KIND would; print one JSON post per line.",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class ParseCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, description = "Source kind: ${COMPLETION-CANDIDATES}",
            converter = KindConverter.class, completionCandidates = KindNames.class)
    private SourceKind kind;

    @Parameters(index = "0", paramLabel = "FILE", description = "The saved response body.")
    private Path file;

    @Option(names = "--url", description = "Where the response came from (resolves relative links).")
    private String url;

    @Option(names = "--header", paramLabel = "'K: V'", description = "A response header, e.g. 'Content-Type: text/xml; charset=windows-1256'.")
    private List<String> headers = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        try {
            byte[] body = Files.readAllBytes(file);
            List<Post> posts = parse(kind, body, url == null ? "http://localhost/" + file.getFileName() : url, headers);
            for (Post p : posts) {
                out.println(toJson(p));
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            out.flush();
            System.err.println("cannot parse " + file + " as " + kind.id() + ": " + oneLine(e.getMessage()));
            return 2;
        }
    }

    /**
     * Parses a saved answer.
     *
     * @param kind    source kind
     * @param body    body bytes
     * @param url     its address
     * @param headers response headers as 'Name: value'
     * @return the posts
     */
    public static List<Post> parse(SourceKind kind, byte[] body, String url, List<String> headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header '" + h + "' must look like 'Name: value'");
            }
            map.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        return Connectors.create().forKind(kind).parse(placeholder(kind, url), Fetched.of(url, map, body));
    }

    private static Source placeholder(SourceKind kind, String url) {
        String address = url.startsWith("http") ? url : "http://localhost/";
        Map<String, String> params = Map.of("url", address, "channel", "saved_page", "query", "saved",
                "instances", "localhost", "tag", "saved", "videoId", "saved", "appId", "1000");
        return new Source("parse", kind, params, List.of(), Duration.ofMinutes(15), "SHENAVA_PARSE_CREDENTIAL", true);
    }

    static ObjectNode toJson(Post p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("title", p.title()).put("url", p.url()).put("text", p.text());
        n.putObject("author").put("handle", p.author().handle()).put("name", p.author().name())
                .put("followers", p.author().followers());
        n.put("publishedAt", p.publishedAt().toString());
        n.putObject("engagement").put("likes", p.engagement().likes()).put("shares", p.engagement().shares())
                .put("replies", p.engagement().replies()).put("views", p.engagement().views());
        n.put("nativeId", p.nativeId());
        return n;
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").strip();
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<SourceKind> {
        @Override
        public SourceKind convert(String value) {
            return SourceKind.parse(value);
        }
    }

    static final class KindNames extends ArrayList<String> {
        KindNames() {
            for (SourceKind k : SourceKind.values()) {
                add(k.id());
            }
        }
    }
}
