package dev.annals.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link FuzzRequest} byte for byte on a new loopback connection and reads the answer. Only a
 * test client: one request per connection ({@code Connection: close}), no redirects, no keep-alive.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * An answer: its status (or {@link #NO_ANSWER} when the connection closed without a status line),
     * lower-cased header names, and the body decoded as UTF-8 (empty for a live stream, which is left open).
     */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static final int NO_ANSWER = -1;

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends {@code request} with {@code extraHeaders} (such as a token) and returns the answer. */
    public Answer send(FuzzRequest request, String extraHeaders) throws IOException {
        try (var socket = new Socket(host, port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            var head = new StringBuilder()
                    .append(request.method())
                    .append(' ')
                    .append(request.target())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(host)
                    .append(':')
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            request.headers().forEach(line -> head.append(line).append("\r\n"));
            head.append(extraHeaders);
            if (request.body().length > 0 || request.method().equals("POST")) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("\r\n");
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(request.body());
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before the whole body is written: read what it said.
            }
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        }
    }

    private static Answer read(InputStream in, boolean noBody) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (IOException e) {
            return new Answer(Answer.NO_ANSWER, Map.of(), "");
        }
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            return new Answer(Answer.NO_ANSWER, Map.of(), statusLine == null ? "" : statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        var headers = new LinkedHashMap<String, String>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        var answer = new Answer(status, headers, "");
        if (noBody
                || status == 204
                || status == 304
                || answer.header("content-type").startsWith("text/event-stream")) {
            return answer;
        }
        byte[] body;
        try {
            if (answer.header("transfer-encoding").equalsIgnoreCase("chunked")) {
                body = chunked(in);
            } else if (!answer.header("content-length").isEmpty()) {
                body = in.readNBytes(Integer.parseInt(answer.header("content-length")));
            } else {
                body = in.readAllBytes();
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server sent status " + status + " but no end of its body", e);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return out.toByteArray();
            }
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            line(in);
        }
    }

    /** One line without its end, read as ISO-8859-1; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var out = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = out.length();
                return end > 0 && out.charAt(end - 1) == '\r' ? out.substring(0, end - 1) : out.toString();
            }
            out.append((char) b);
        }
        return out.isEmpty() ? null : out.toString();
    }
}
