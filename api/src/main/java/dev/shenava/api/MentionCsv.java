package dev.shenava.api;

import dev.shenava.store.Mention;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Mentions as CSV rows (RFC 4180): the columns the import reads, then the analysis.
 */
final class MentionCsv {

    static final String HEADER = "id,source,sourceKind,nativeId,url,author,authorName,title,text,publishedAt,"
            + "likes,shares,replies,views,engagement,brands,lang,sentiment,sentimentScore,touchpoints,keyPhrases,"
            + "tags,overridden\r\n";

    private MentionCsv() {
    }

    static String row(Mention m) {
        StringBuilder row = new StringBuilder(256 + m.text().length());
        cells(row, m.id(), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.author().handle(), m.author().name(),
                m.title(), m.text(), m.publishedAt().toString(),
                Long.toString(m.engagement().likes()), Long.toString(m.engagement().shares()),
                Long.toString(m.engagement().replies()), Long.toString(m.engagement().views()),
                Long.toString(m.engagement().total()), join(m.brands()), m.lang(), m.sentiment().label(),
                Double.toString(m.sentiment().score()),
                m.touchpoints().stream().map(t -> t.touchpoint() + ":" + t.label()).collect(Collectors.joining("|")),
                join(m.keyPhrases()), join(m.tags()), Boolean.toString(m.overridden()));
        return row.append("\r\n").toString();
    }

    private static String join(List<String> values) {
        return String.join("|", values);
    }

    private static void cells(StringBuilder row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String v = values[i] == null ? "" : values[i];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                row.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                row.append(v);
            }
        }
    }
}
