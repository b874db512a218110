package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Bodies over 64 KiB, sent over a raw socket so that the test controls the framing and can read an early reply. */
class BodyLimitTest extends ApiTestSupport {

    private static final int MIB = 1024 * 1024;

    @Test
    void hugeBodyWithContentLengthIs413() throws IOException {
        String reply = sendRaw(100L * MIB, false);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).contains("\"error\":\"payload_too_large\"");
    }

    @Test
    void hugeChunkedBodyIs413() throws IOException {
        String reply = sendRaw(100L * MIB, true);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).contains("\"error\":\"payload_too_large\"");
    }

    @Test
    void oneMibBodyIs413() {
        String body = "{\"question_text\":\"" + "x".repeat(MIB) + "\"}";

        ApiClient.Reply reply = client.post(familyA.path("/questions"), familyA.token(), body);

        assertThat(reply.status()).isEqualTo(413);
        assertCleanError(reply);
    }

    @Test
    void bodyJustUnderLimitIsRead() {
        String padding = " ".repeat(HttpSettings.DEFAULT_MAX_BODY_BYTES - 40);
        String body = "{\"question_text\":\"fits\"}" + padding;

        ApiClient.Reply reply = client.post(familyA.path("/questions"), familyA.token(), body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void bodyTricklingInIsCutOff() throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + familyA.path("/questions") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + familyA.token() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 2; i++) {
                Thread.sleep(1500);
                out.write(' ');
                out.flush();
            }

            // Without a minimum data rate the server would wait for the rest of the body for as long as bytes trickle in.
            String reply = readReply(socket.getInputStream());

            assertThat(reply).doesNotStartWith("HTTP/1.1 201");
            assertThat(reply.isEmpty() || reply.startsWith("HTTP/1.1 408")).as(reply).isTrue();
        }
        assertThat(client.get(familyA.path(""), familyA.token()).status()).isEqualTo(200);
    }

    /**
     * Sends headers and then body bytes until the server replies or closes, and returns the reply's head and body.
     * The body is generated on the fly, so the test itself never keeps 100 MiB in memory.
     */
    private static String sendRaw(long bodyLength, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyLength + "\r\n";
            out.write(("POST " + familyA.path("/questions") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + familyA.token() + "\r\nContent-Type: application/json\r\n"
                    + framing + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            InputStream in = socket.getInputStream();
            long sent = 0;
            try {
                while (sent < bodyLength && in.available() == 0) {
                    if (chunked) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += chunk.length;
                }
            } catch (SocketException e) {
                // The server closed the connection after replying; the reply is still readable.
            }
            assertThat(sent).as("bytes sent before the reply").isLessThan(bodyLength);
            return readReply(in);
        }
    }

    private static String readReply(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder reply = new StringBuilder();
        int read;
        try {
            while ((read = in.read(buffer)) > 0) {
                reply.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (reply.indexOf("}") > 0) {
                    break;
                }
            }
        } catch (SocketException e) {
            // A reset after the reply was received ends the read.
        }
        return reply.toString();
    }
}
