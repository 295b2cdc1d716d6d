package hotline.telephony.peer;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SIP phone for the real-Asterisk tests: baresip, started with a configuration of its own in a temporary
 * directory, listening on 127.0.0.1 only, calling through one account (digest authentication, no registration),
 * sending keys as RFC 4733 telephone events, sending silence and writing what it hears to {@link #heard()}. Driven
 * through its ctrl_tcp module (netstring-framed JSON commands and events). One call at a time; not thread-safe.
 */
public final class SoftPhone implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final Socket control;
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();

    private SoftPhone(Path dir, Process process, Socket control) {
        this.dir = dir;
        this.process = process;
        this.control = control;
        Thread.ofVirtual().name("softphone-events").start(this::readEvents);
    }

    /** Starts baresip with account {@code user}/{@code password} at {@code server} ({@code host:port} of Asterisk's SIP). */
    public static SoftPhone start(String server, String user, String password) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("softphone");
        int sipPort = freePort(true);
        int controlPort = freePort(false);
        Path silence = dir.resolve("silence.wav");
        writeSilence(silence, 8000 * 120);
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "audio_source aufile," + silence,
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module sndfile.so",
                "snd_path " + dir,
                "module account.so",
                "module menu.so",
                "module ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + controlPort, ""));
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + server + ">;auth_pass=" + password + ";regint=0\n");
        Process process = new ProcessBuilder("baresip", "-f", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return new SoftPhone(dir, process, new Socket(InetAddress.getLoopbackAddress(), controlPort));
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new IOException("baresip did not open its control port; see " + dir.resolve("baresip.log"), notYet);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    public void dial(String uri) throws IOException {
        command("dial", uri);
    }

    /** Sends one key as an RFC 4733 telephone event. */
    public void press(char key) throws IOException {
        command("sndcode", String.valueOf(key));
    }

    public void hangUp() throws IOException {
        command("hangup", "");
    }

    /** The next event of {@code type} (CALL_ESTABLISHED, CALL_CLOSED, ...), waiting up to {@code timeout}; null if none. */
    public JsonObject await(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject event;
        while ((event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (type.equals(event.getString("type"))) {
                return event;
            }
        }
        return null;
    }

    /** The WAV file of what the phone heard (the sndfile module's dump of the decoded audio), or null. */
    public Path heard() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches("dump-.*-dec(ode)?\\.wav")).findFirst()
                    .orElse(null);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("quit", "");
        } catch (IOException alreadyGone) {
            // the process may have ended
        }
        control.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void command(String name, String params) throws IOException {
        byte[] json = new JsonObject().put("command", name).put("params", params).put("token", name).encode()
                .getBytes(StandardCharsets.UTF_8);
        OutputStream out = control.getOutputStream();
        out.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(json);
        out.write(',');
        out.flush();
    }

    /** Netstrings: {@code <length>:<json>,}. */
    private void readEvents() {
        try (InputStream in = control.getInputStream()) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                JsonObject message = new JsonObject(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                in.read();
                if (message.getBoolean("event", false)) {
                    events.add(message);
                }
            }
        } catch (IOException closed) {
            // the phone was closed
        }
    }

    /** A port of 127.0.0.1 free for TCP and, with {@code udpToo} (baresip's SIP listens on both), for UDP. */
    private static int freePort(boolean udpToo) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (!udpToo) {
                    return tcp.getLocalPort();
                }
                try (DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                    return udp.getLocalPort();
                } catch (IOException taken) {
                    if (attempt > 20) {
                        throw taken;
                    }
                }
            }
        }
    }

    /** {@code samples} of 8 kHz 16-bit mono silence: a WAV header and zeros. */
    private static void writeSilence(Path file, int samples) {
        int data = samples * 2;
        ByteBuffer header = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        try {
            Files.write(file, header.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
