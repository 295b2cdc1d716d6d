package hotline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A browser's console stream ({@code GET /console/events}, Server-Sent Events) read as a browser's EventSource reads
 * it, without the page: each event is kept with the time it arrived. Which instance answered comes from nginx's
 * {@code X-Hotline-Instance} header (or is the address asked, without nginx). Reading runs on a virtual thread until
 * the stream ends or {@link #close} is called.
 */
public final class EventStream implements AutoCloseable {

    /** One event: its {@code event:} name, its {@code data:} text and {@link System#nanoTime()} at its arrival. */
    public record Event(String name, String data, long arrivedNanos) {
    }

    private final String instance;
    private final int status;
    private final InputStream body;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private EventStream(String instance, int status, InputStream body) {
        this.instance = instance;
        this.status = status;
        this.body = body;
        Thread.ofVirtual().name("event-stream-" + instance).start(this::read);
    }

    /** Opens the stream at {@code uri} with a session token; the response head has arrived when this returns. */
    public static EventStream open(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        String instance = response.headers().firstValue("X-Hotline-Instance").orElse(uri.getAuthority());
        return new EventStream(instance, response.statusCode(), response.body());
    }

    /** The {@code host:port} of the instance that serves this stream. */
    public String instance() {
        return instance;
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** True once the server (or a proxy) closed the stream. */
    public boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString(), System.nanoTime()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring("data: ".length()));
                }
            }
        } catch (IOException closedOrCut) {
            // the end of the stream, whoever ended it
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException alreadyCut) {
            // nothing left to close
        }
    }
}
