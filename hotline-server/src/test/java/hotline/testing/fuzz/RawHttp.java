package hotline.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends a {@link RawRequest} over a socket of its own and reads the answer to the end (the request says close). */
final class RawHttp {

    /** The status when the server closed the connection without an answer. */
    static final int DROPPED = -1;
    /** The status when no answer came in time. */
    static final int NO_ANSWER = -2;
    private static final int TIMEOUT_MS = 30_000;
    private static final int KEPT_BYTES = 4096;

    record Answer(int status, String head) {
    }

    private RawHttp() {
    }

    static Answer send(int port, RawRequest request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            try {
                socket.getOutputStream().write(request.bytes());
                socket.getOutputStream().flush();
            } catch (IOException refusedMidway) {
                // A server may answer (413) and close before a large body is sent whole; read what it said.
            }
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    kept.write(buffer, 0, Math.min(n, Math.max(0, KEPT_BYTES - kept.size())));
                }
            } catch (SocketTimeoutException e) {
                return new Answer(NO_ANSWER, kept.toString(StandardCharsets.UTF_8));
            } catch (IOException reset) {
                // a reset after the answer still leaves the answer
            }
            String text = kept.toString(StandardCharsets.UTF_8);
            // An unreadable request head is answered as HTTP/1.0, the version it is taken for.
            if (!text.matches("(?s)HTTP/1\\.[01] [0-9]{3}.*")) {
                return new Answer(DROPPED, text);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
