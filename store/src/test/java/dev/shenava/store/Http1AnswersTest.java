package dev.shenava.store;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Http1AnswersTest {

    private static final String PEER = "the node at 127.0.0.1:9200";

    private static InputStream stream(String answers) {
        return new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8));
    }

    private static Http1Answers.Answer next(InputStream in) throws IOException {
        return Http1Answers.read(Http1Answers.line(in), in, PEER);
    }

    private static String text(Http1Answers.Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void readsSizedAndChunkedAnswersOneAfterAnotherOffOneConnection() throws IOException {
        String sized = "{\"جواب\":1}";
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + sized.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sized
                + "HTTP/1.1 404 Not Found\ntransfer-encoding: chunked\n\n4;ext=1\r\n{\"er\r\n7\r\nror\":1}\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
        Http1Answers.Answer first = next(in);
        assertEquals(200, first.status());
        assertEquals(sized, text(first));
        assertTrue(first.reusable());
        Http1Answers.Answer second = next(in);
        assertEquals(404, second.status());
        assertEquals("{\"error\":1}", text(second));
        assertTrue(second.reusable());
        Http1Answers.Answer third = next(in);
        assertEquals(204, third.status());
        assertArrayEquals(new byte[0], third.body());
        assertEquals(-1, in.read());
    }

    @Test
    void readsAnAnswerWithoutLengthToTheEndAndDoesNotReuseItsConnection() throws IOException {
        Http1Answers.Answer a = next(stream("HTTP/1.1 200 OK\r\n\r\nall of it"));
        assertEquals("all of it", text(a));
        assertFalse(a.reusable());
        Http1Answers.Answer closing = next(stream("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));
        assertEquals("ok", text(closing));
        assertFalse(closing.reusable());
    }

    @Test
    void refusesWhatIsNotAWholeUncompressedHttp11Answer() {
        String[] broken = {
            "SSH-2.0-OpenSSH\r\n\r\n",
            "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: twelve\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
            "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 0",
        };
        for (String answer : broken) {
            IOException e = assertThrows(IOException.class, () -> next(stream(answer)), answer);
            assertFalse(e.getMessage().isBlank(), answer);
        }
    }

    @Test
    void namesThePeerAndTheLineItCouldNotRead() {
        IOException notHttp = assertThrows(IOException.class, () -> next(stream("SSH-2.0-OpenSSH\r\n\r\n")));
        assertEquals("not an HTTP/1.1 answer from " + PEER + ": SSH-2.0-OpenSSH", notHttp.getMessage());
        IOException compressed = assertThrows(IOException.class,
                () -> next(stream("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n")));
        assertEquals(PEER + " compressed an answer it was not asked to", compressed.getMessage());
    }

    @Test
    void refusesAHeadLineOverSixtyFourKilobytes() {
        String answer = "HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(70_000) + "\r\n\r\n";
        IOException e = assertThrows(IOException.class, () -> next(stream(answer)));
        assertEquals("an answer line longer than 64 KB", e.getMessage());
    }
}
