package dev.shenava.crawler;

import java.util.regex.Pattern;

/**
 * Small text repairs shared by the connectors.
 */
final class Text {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^\\]]*\\])?\\s*>",
            Pattern.CASE_INSENSITIVE);
    private static final String CP1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039"
            + "\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";

    private Text() {
    }

    /** Replaces C1 control characters (windows-1252 bytes read as Latin-1 code points) by what was meant. */
    static String demoronize(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                out = out == null ? new StringBuilder(s.substring(0, i)) : out;
                out.append(CP1252.charAt(c - 0x80));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Drops a DOCTYPE (with its internal subset): we never resolve DTDs, and an XML parser would refuse it. */
    static String stripDoctype(String s) {
        for (int i = s.indexOf("<!"); i >= 0; i = s.indexOf("<!", i + 2)) {
            if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                return DOCTYPE.matcher(s).replaceFirst("");
            }
        }
        return s; // no DOCTYPE: spare the regex its scan of the whole feed
    }

    /** Whether the text holds an XML or HTML element (not just a declaration or comments). */
    static boolean hasElement(String s) {
        int i = s.indexOf('<');
        while (i >= 0 && i + 1 < s.length()) {
            char next = s.charAt(i + 1);
            if (Character.isLetter(next)) {
                return true;
            }
            int end = next == '!' && s.startsWith("<!--", i) ? s.indexOf("-->", i) : s.indexOf('>', i);
            i = end < 0 ? -1 : s.indexOf('<', end);
        }
        return false;
    }

    /** Shortens a text to a length for titles and log lines. */
    static String clip(String s, int max) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
    }
}
