package hotline.testing;

import hotline.App;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A browser's live stream ({@code GET /console/events}) read as its events arrive, for tests: {@link #next} gives the
 * next event of a kind ({@code live}, {@code ping}, {@code ended}) with its data. Close it to hang up.
 */
public final class LiveEvents implements AutoCloseable {

    /** One Server-Sent Event: its {@code event} and {@code data} lines, and when this client read it. */
    public record Event(String kind, String data, long receivedNanos) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    /** Opens the stream of {@code client}'s user on {@code app}; its first {@code live} event is the state. */
    public static LiveEvents openRaw(App app, ApiClient client) {
        return new LiveEvents(app, client.token());
    }

    /** Opens the stream of {@code client}'s user on {@code app}, and waits for (and skips) the state it sends first. */
    public static LiveEvents open(App app, ApiClient client) throws InterruptedException {
        LiveEvents stream = openRaw(app, client);
        if (stream.next("live", Duration.ofSeconds(10)) == null) {
            stream.close();
            throw new AssertionError("the live stream sent no state on connect");
        }
        return stream;
    }

    private LiveEvents(App app, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/console/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> read(answer.body()), command -> Thread.ofVirtual().start(command));
    }

    private void read(Stream<String> lines) {
        String[] kind = {null};
        StringBuilder data = new StringBuilder();
        try (lines) {
            lines.forEach(line -> {
                if (line.startsWith("event: ")) {
                    kind[0] = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.isEmpty() && kind[0] != null) {
                    events.add(new Event(kind[0], data.toString(), System.nanoTime()));
                    kind[0] = null;
                    data.setLength(0);
                }
            });
        } catch (RuntimeException closed) {
            // the test hung up
        }
    }

    /** The next event of {@code kind} within {@code limit} (others before it are skipped), or null. */
    public Event next(String kind, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event.kind().equals(kind)) {
                return event;
            }
        }
    }

    /** The next {@code live} event whose data contains {@code text} within {@code limit}, or null. */
    public Event nextContaining(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Event event = next("live", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (event == null || event.data().contains(text)) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
