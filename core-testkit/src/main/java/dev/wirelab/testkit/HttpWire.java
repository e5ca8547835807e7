package dev.wirelab.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over a raw socket: it sends exactly the bytes a test
 * gives it (malformed ones included, split wherever the test likes) and reads responses with
 * its own strict little reader, so what the server sent is checked byte by byte rather than
 * through a library that might forgive it.
 */
public final class HttpWire implements AutoCloseable {

    /** One response as it came over the wire. Field names are lowercased. */
    public record Response(int status, String statusLine, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean closes() {
            return "close".equalsIgnoreCase(header("Connection"));
        }

        @Override
        public String toString() {
            return statusLine + " " + headers + " body=" + (body.length > 200 ? body.length + " bytes" : "\"" + text() + "\"");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private HttpWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static HttpWire connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(RawClient.READ_TIMEOUT_MILLIS);
            socket.connect(server, RawClient.READ_TIMEOUT_MILLIS);
            return new HttpWire(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** {@code GET target} with a Host field, as one write. */
    public static byte[] get(String target) {
        return ascii("GET " + target + " HTTP/1.1\r\nHost: wirelab\r\n\r\n");
    }

    /** {@code POST target} with a Content-Length body. */
    public static byte[] post(String target, byte[] body) {
        byte[] head = ascii("POST " + target + " HTTP/1.1\r\nHost: wirelab\r\nContent-Length: " + body.length + "\r\n\r\n");
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(String text) throws IOException {
        send(ascii(text));
    }

    /** Sends a request and reads its response. */
    public Response exchange(byte[] request) throws IOException {
        send(request);
        return read();
    }

    /** Reads one response: status line, fields, and a Content-Length body (the servers always send one). */
    public Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.matches("HTTP/1\\.1 \\d{3} .*")) {
            throw new IOException("not a status line: \"" + statusLine + "\"");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String field = line(); !field.isEmpty(); field = line()) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not a field line: \"" + field + "\"");
            }
            String name = field.substring(0, colon).toLowerCase(Locale.ROOT);
            if (headers.putIfAbsent(name, field.substring(colon + 1).strip()) != null) {
                throw new IOException("field sent twice: " + name);
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            throw new IOException("response without Content-Length: " + statusLine + " " + headers);
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length < Integer.parseInt(length)) {
            throw new EOFException("body cut short after " + body.length + " of " + length + " bytes");
        }
        return new Response(Integer.parseInt(statusLine.substring(9, 12)), statusLine, headers, body);
    }

    /** True when the server ends the connection (FIN or reset) without sending another byte. */
    public boolean closedByServer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the server to close, but it sent byte " + b);
            }
            return true;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after \"" + line.toString(StandardCharsets.ISO_8859_1) + "\"");
            }
            if (b == '\n') {
                if (previous != '\r') {
                    throw new IOException("bare LF in the response");
                }
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
