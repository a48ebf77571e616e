package dev.shenava.crawler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Reads an Algolia search answer in one pass over its UTF-8 bytes, without a JSON parser: the fields a post needs
 * are found by name (compared as bytes; no string is made of a skipped field or value), string values are kept as
 * offsets and decoded only when the post uses them, and {@code comment_text} goes from its bytes into a reused text
 * buffer with its JSON escapes, references and plain tags read and its whitespace cleaned in the same pass, kept as
 * Latin-1 bytes while it is ({@link #comment}).
 *
 * <p>Strict where it matters: it takes only answers it reads exactly as Jackson's tree does, and answers null on
 * anything else so that the Jackson path reads them: a root that is not an object, {@code hits} that is not an array
 * of objects, a known field holding another type than the tree would read the same way (a string field holding a
 * number, a count holding a fraction or more than 18 digits), a field given twice, an escaped field name, and
 * whatever {@link JsonScanner} refuses (malformed JSON, invalid UTF-8, deep nesting, anything after the root).
 * {@code HackerNewsScannerTest} checks it against the Jackson readers on recorded answers and thousands of random and
 * randomly broken ones. The JSON itself is read by {@link JsonScanner}; the field table, the posts and the comment
 * text are Algolia's.
 */
final class HackerNewsScanner extends JsonScanner {

    // the string fields of a hit, in the order of their offsets in {@link #spans}
    private static final int OBJECT_ID = 0;
    private static final int STORY_TITLE = 1;
    private static final int TITLE = 2;
    private static final int STORY_TEXT = 3;
    private static final int CREATED_AT = 4;
    private static final int AUTHOR = 5;
    private static final int STRINGS = 6;
    // the other fields, as bits of {@code seen} after the string fields' bits
    private static final int COMMENT_TEXT = 6;
    private static final int CREATED_AT_I = 7;
    private static final int POINTS = 8;
    private static final int NUM_COMMENTS = 9;
    private static final int UNKNOWN = -1;

    // the member names read, compared with the answer's bytes as longs
    private static final Name HITS_NAME = new Name("hits");
    private static final Name NB_PAGES_NAME = new Name("nbPages");
    private static final Name TITLE_NAME = new Name("title");
    private static final Name AUTHOR_NAME = new Name("author");
    private static final Name POINTS_NAME = new Name("points");
    private static final Name OBJECT_ID_NAME = new Name("objectID");
    private static final Name STORY_TEXT_NAME = new Name("story_text");
    private static final Name CREATED_AT_NAME = new Name("created_at");
    private static final Name STORY_TITLE_NAME = new Name("story_title");
    private static final Name COMMENT_TEXT_NAME = new Name("comment_text");
    private static final Name CREATED_AT_I_NAME = new Name("created_at_i");
    private static final Name NUM_COMMENTS_NAME = new Name("num_comments");

    /** Decode buffers kept for reuse, a few slots picked by thread so that parallel crawls rarely meet. */
    private static final AtomicReferenceArray<char[]> SPARE = new AtomicReferenceArray<>(16);
    private static final int KEPT_CHARS = 1 << 16;

    /** The references HN writes and what they read as ({@code MarkupText}'s reading of them, wherever they stand). */
    private static final Name[] REFERENCES = words("&#x27;", "&#x2F;", "&quot;", "&amp;", "&lt;", "&gt;", "&#39;",
        "&apos;");
    private static final char[] REFERENCE_CHARS = {'\'', '/', '"', '&', '<', '>', '\'', '\''};
    /** The plain phrasing tags HN writes: a paragraph is a line break, the others nothing (0). */
    private static final Name[] TAGS = words("<p>", "</p>", "<i>", "</i>", "<b>", "</b>", "<em>", "</em>", "</a>",
        "<code>", "</code>");
    private static final char[] TAG_CHARS = {'\n', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    /** Per string field of the hit being read: start, end (-1, -1 for null) and plainness, where seen. */
    private final int[] spans = new int[STRINGS * 2];
    /** The fields of the hit being read that it holds, a bit each. */
    private int seen;
    private final boolean[] plain = new boolean[STRINGS];
    /**
     * The comment text cleaned so far: {@link #length} characters in {@link #latin} while all are Latin-1 (runs of
     * ASCII copied as bytes, the string made without compressing chars), in {@link #chars} once one is not
     * ({@link #wide}); and the separator pending (0, ' ' or a line break).
     */
    private byte[] latin = new byte[1024];
    private boolean wide;
    private int length;
    private char separator;
    private boolean noHits = true;
    /** The last title read and its plain text (the hits of one story repeat its title). */
    private String lastTitle;
    private String lastTitleText;

    private HackerNewsScanner(byte[] body, int start, char[] chars) {
        super(body, start, chars);
    }

    /**
     * Reads an answer.
     *
     * @param source the source
     * @param page   the answer, UTF-8
     * @param start  where its root value starts ({@link Json#utf8Start})
     * @return the answer as the tree reader reads it, or null when it is not one this scanner reads exactly
     */
    static HackerNewsConnector.Answer read(Source source, Fetched page, int start) {
        int slot = (int) Thread.currentThread().threadId() & 15;
        char[] spare = SPARE.getAndSet(slot, null);
        HackerNewsScanner s = new HackerNewsScanner(page.body(), start, spare != null ? spare : new char[1024]);
        try {
            return s.answer(source, page);
        } catch (JsonScanner.Unreadable | ArrayIndexOutOfBoundsException e) {
            return null; // a value cut short runs off the end: Jackson words it
        } finally {
            if (s.chars.length <= KEPT_CHARS) {
                SPARE.set(slot, s.chars);
            }
        }
    }

    private HackerNewsConnector.Answer answer(Source source, Fetched page) {
        expect('{');
        boolean seenHits = false;
        List<Post> posts = new ArrayList<>();
        long newest = 0;
        int pages = 0;
        boolean seenPages = false;
        space();
        if (b[i] == '}') {
            i++;
        } else {
            while (true) {
                name();
                if (isName(HITS_NAME)) {
                    if (seenHits) {
                        throw UNREADABLE;
                    }
                    seenHits = true;
                    colon();
                    expect('[');
                    newest = hits(source, page, posts);
                } else if (isName(NB_PAGES_NAME)) {
                    if (seenPages) {
                        throw UNREADABLE;
                    }
                    seenPages = true;
                    colon();
                    long value = integerOrNull();
                    if (value != (int) value) {
                        throw UNREADABLE;
                    }
                    pages = (int) value;
                } else {
                    colon();
                    skipValue();
                }
                if (!next('}')) {
                    break;
                }
            }
        }
        space();
        if (i != n) {
            throw UNREADABLE;
        }
        return new HackerNewsConnector.Answer(posts, newest, pages, noHits);
    }

    /** The hits array after its '['; adds the posts, answers the newest created_at_i. */
    private long hits(Source source, Fetched page, List<Post> posts) {
        long newest = 0;
        space();
        if (b[i] == ']') {
            i++;
            return 0;
        }
        noHits = false;
        while (true) {
            space();
            expect('{');
            HackerNewsConnector.Hit hit = hit();
            newest = Math.max(newest, hit.createdAtI);
            Post post = post(source, page, hit);
            if (post != null) {
                posts.add(post);
            }
            if (!next(']')) {
                return newest;
            }
        }
    }

    /** One hit after its '{'. */
    private HackerNewsConnector.Hit hit() {
        HackerNewsConnector.Hit hit = new HackerNewsConnector.Hit();
        int seen = 0;
        this.seen = 0;
        space();
        if (b[i] == '}') {
            i++;
            return hit;
        }
        while (true) {
            int field = knownField();
            if (field == UNKNOWN) {
                name();
                field = hitField();
            }
            colon();
            if (field == UNKNOWN) {
                skipValue();
            } else {
                if ((seen & 1 << field) != 0) {
                    throw UNREADABLE; // the tree keeps the last of the two: Jackson reads it
                }
                seen |= 1 << field;
                if (field < STRINGS) {
                    if (literalNull()) {
                        spans[field * 2] = -1;
                    } else {
                        expect('"');
                        string(false);
                        spans[field * 2] = stringStart;
                        spans[field * 2 + 1] = stringEnd;
                        plain[field] = stringPlain;
                    }
                } else if (field == COMMENT_TEXT) {
                    if (!literalNull()) {
                        expect('"');
                        hit.commentPlain = comment();
                    }
                } else {
                    long value = integerOrNull();
                    switch (field) {
                        case CREATED_AT_I -> hit.createdAtI = value;
                        case POINTS -> hit.points = Math.max(0, value);
                        default -> hit.comments = Math.max(0, value);
                    }
                }
            }
            if (!next('}')) {
                this.seen = seen;
                return hit;
            }
        }
    }

    /**
     * A comment_text after its opening quote, as {@link Html#text(char[], int, int)} reads the decoded string (null
     * when empty): JSON escapes, UTF-8, the common references and the plain phrasing tags HN writes read and cleaned
     * as {@link Html#clean(char[], int)} cleans ({@link CleanText}'s rules) in one pass straight into the text
     * buffer; a comment with any other reference or tag, or an escape that makes markup, is decoded and read by
     * {@code Html.text} instead.
     */
    private String comment() {
        int from = i;
        if (b[i] == '"') {
            i++;
            return null; // an empty string: no comment
        }
        if (commentText()) {
            String text = wide ? new String(chars, 0, length) : new String(latin, 0, length, StandardCharsets.ISO_8859_1);
            if (text.isEmpty() || !text.isBlank()) {
                return text;
            }
        }
        i = from;
        int decoded = string(true);
        return Html.text(chars, 0, decoded);
    }

    /**
     * {@link #comment}'s one pass: the text cleaned into {@link #chars}, {@link #length} of them; false when it must
     * take the other way. Runs of plain ASCII are copied whole: they hold no two spaces in a row
     * ({@link #commentPlainEnd}), so only a space at either end of a run needs the cleaning's rules.
     */
    private boolean commentText() {
        length = 0;
        separator = 0;
        wide = false;
        while (true) {
            int run = commentPlainEnd(i);
            if (run > i) {
                plainRun(i, run);
                i = run;
            }
            int c = b[i];
            if (c == '"') {
                i++;
                return true;
            }
            room(3);
            if (c == ' ') { // the second of two spaces or more
                while (b[i] == ' ') {
                    i++;
                }
                wordBreak();
            } else if (c == '&' || c == '<') {
                int found = c == '&' ? wordAt(REFERENCES) : wordAt(TAGS);
                if (found < 0) {
                    return false;
                }
                i += (c == '&' ? REFERENCES : TAGS)[found].length;
                if (c == '&') {
                    put(REFERENCE_CHARS[found]);
                } else if (TAG_CHARS[found] != 0) {
                    lineBreak();
                }
            } else if (c == '\\') {
                char e = escape();
                if (e == '<' || e == '&' || e == 0) {
                    return false; // markup or a NUL made by an escape
                }
                clean(e);
            } else if (c >= 0) {
                throw UNREADABLE; // a control character
            } else {
                int cp = utf8(c & 0xFF);
                if (cp < 0x10000) {
                    clean((char) cp);
                } else {
                    put(Character.highSurrogate(cp)); // the text is wide from here
                    chars[length++] = Character.lowSurrogate(cp);
                }
            }
        }
    }

    /**
     * The plain ASCII bytes {@code [from, to)}, no two spaces in a row among them: a space at either end is a
     * separator, the rest copied as it stands (single spaces between other characters are what the cleaning keeps).
     */
    private void plainRun(int from, int to) {
        if (b[from] == ' ') {
            wordBreak();
            from++;
        }
        if (from == to) {
            return;
        }
        boolean trailing = b[to - 1] == ' ';
        if (trailing) {
            to--;
        }
        room(to - from + 1);
        if (separator != 0) {
            store(separator);
            separator = 0;
        }
        if (wide) {
            length = widen(from, to, chars, length);
        } else {
            System.arraycopy(b, from, latin, length, to - from);
            length += to - from;
        }
        if (trailing) {
            separator = ' ';
        }
    }

    /** A character of the comment, room made, as {@link Html#clean(char[], int)} reads it. */
    private void clean(char c) {
        if (c > 0xA0 || c > ' ' && c < 0x7F) {
            put(c);
        } else if (c == '\n' || c == '\r') {
            lineBreak();
        } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
            wordBreak();
        } else {
            put(c >= 0x80 && c <= 0x9F ? Html.cp1252(c) : c);
        }
    }

    /** A character kept, after the separator pending; room made for both. */
    private void put(char c) {
        if (separator != 0) {
            store(separator);
            separator = 0;
        }
        store(c);
    }

    private void store(char c) {
        if (!wide) {
            if (c < 0x100) {
                latin[length++] = (byte) c;
                return;
            }
            if (chars.length < latin.length) { // the room made in latin holds in chars too
                chars = new char[latin.length];
            }
            for (int k = 0; k < length; k++) {
                chars[k] = (char) (latin[k] & 0xFF);
            }
            wide = true;
        }
        chars[length++] = c;
    }

    /** Room for {@code more} characters in the buffer in use. */
    private void room(int more) {
        int needed = length + more;
        if (wide) {
            if (needed > chars.length) {
                grow(needed);
            }
        } else if (needed > latin.length) {
            latin = Arrays.copyOf(latin, Math.max(latin.length * 2, needed + 16));
        }
    }

    /** Whitespace between words: a space pending, unless a line break is or nothing was kept yet. */
    private void wordBreak() {
        separator = separator == '\n' ? '\n' : length > 0 ? ' ' : 0;
    }

    private void lineBreak() {
        separator = length > 0 ? '\n' : 0;
    }

    private static Name[] words(String... words) {
        Name[] names = new Name[words.length];
        for (int w = 0; w < words.length; w++) {
            names[w] = new Name(words[w]);
        }
        return names;
    }

    /** The field whose name stands at {@link #i} as Algolia writes it, read past; UNKNOWN (nothing read) if none. */
    private int knownField() {
        if (i + 1 >= n) {
            return UNKNOWN;
        }
        return switch (b[i + 1]) {
            case 'c' -> quotedName(CREATED_AT_I_NAME) ? CREATED_AT_I : quotedName(CREATED_AT_NAME) ? CREATED_AT
                    : quotedName(COMMENT_TEXT_NAME) ? COMMENT_TEXT : UNKNOWN;
            case 'a' -> quotedName(AUTHOR_NAME) ? AUTHOR : UNKNOWN;
            case 'o' -> quotedName(OBJECT_ID_NAME) ? OBJECT_ID : UNKNOWN;
            case 's' -> quotedName(STORY_TITLE_NAME) ? STORY_TITLE : quotedName(STORY_TEXT_NAME) ? STORY_TEXT : UNKNOWN;
            case 't' -> quotedName(TITLE_NAME) ? TITLE : UNKNOWN;
            case 'p' -> quotedName(POINTS_NAME) ? POINTS : UNKNOWN;
            case 'n' -> quotedName(NUM_COMMENTS_NAME) ? NUM_COMMENTS : UNKNOWN;
            default -> UNKNOWN;
        };
    }

    /** Which field the last name is, by length and bytes. */
    private int hitField() {
        return switch (stringEnd - stringStart) {
            case 5 -> isName(TITLE_NAME) ? TITLE : UNKNOWN;
            case 6 -> isName(AUTHOR_NAME) ? AUTHOR : isName(POINTS_NAME) ? POINTS : UNKNOWN;
            case 8 -> isName(OBJECT_ID_NAME) ? OBJECT_ID : UNKNOWN;
            case 10 -> isName(STORY_TEXT_NAME) ? STORY_TEXT : isName(CREATED_AT_NAME) ? CREATED_AT : UNKNOWN;
            case 11 -> isName(STORY_TITLE_NAME) ? STORY_TITLE : UNKNOWN;
            case 12 -> isName(COMMENT_TEXT_NAME) ? COMMENT_TEXT : isName(CREATED_AT_I_NAME) ? CREATED_AT_I
                    : isName(NUM_COMMENTS_NAME) ? NUM_COMMENTS : UNKNOWN;
            default -> UNKNOWN;
        };
    }

    /** The post of a hit, its string fields decoded only where the post uses them. */
    private Post post(Source source, Fetched page, HackerNewsConnector.Hit hit) {
        hit.objectId = field(OBJECT_ID);
        if (hit.objectId.isBlank()) {
            return null;
        }
        if (hit.commentPlain != null) {
            hit.storyTitle = field(STORY_TITLE);
        } else {
            hit.title = field(TITLE);
            hit.storyText = field(STORY_TEXT);
        }
        if (!HackerNewsConnector.epoch(hit.createdAtI)) {
            hit.createdAt = field(CREATED_AT);
        }
        hit.author = field(AUTHOR);
        String title = hit.commentPlain != null ? hit.storyTitle : hit.title;
        String titleText;
        if (title.equals(lastTitle)) {
            titleText = lastTitleText;
        } else {
            titleText = Html.text(title);
            lastTitle = title;
            lastTitleText = titleText;
        }
        return HackerNewsConnector.post(source, page, hit, titleText);
    }

    private String field(int field) {
        int start = spans[field * 2];
        if ((seen & 1 << field) == 0 || start < 0) {
            return "";
        }
        int end = spans[field * 2 + 1];
        if (plain[field]) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        int at = i;
        i = start;
        int length = string(true);
        i = at;
        return new String(chars, 0, length);
    }
}
