package hotline.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Bytes to a test server and back, for requests no HTTP client library would send. */
final class RawSocket {

    private RawSocket() {
    }

    /**
     * Sends {@code request} and reads until the server closes the connection (or {@code waitMs} passes): the whole
     * answer, {@code ""} when it closed without one, or {@code null} when it neither answered nor closed in time.
     */
    static String exchange(int port, byte[] request, int waitMs) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(waitMs);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return null;
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
