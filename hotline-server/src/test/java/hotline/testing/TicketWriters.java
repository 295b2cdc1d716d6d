package hotline.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded load: {@code writers} clients each creating repair tickets one after the other through {@code site}
 * ({@code POST /api/tickets}) until a deadline or a number of tickets, as agents would. Every ticket the site
 * acknowledged (2xx) is remembered by id; every other answer or failure is counted by kind. The subjects carry a
 * marker word of this run, so a search for it finds exactly this run's tickets.
 */
public final class TicketWriters {

    private final SiteClient client;
    private final URI tickets;
    private final String marker;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    public TicketWriters(SiteClient client, URI site, String marker) {
        this.client = client;
        this.tickets = site.resolve("/api/tickets");
        this.marker = marker;
    }

    /** Starts {@code writers} clients that stop after {@code duration} or when {@code limit} tickets were sent. */
    public TicketWriters start(int writers, Duration duration, int limit) {
        long deadline = System.nanoTime() + duration.toNanos();
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofVirtual().name("ticket-writer-" + i).start(() -> {
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= limit) {
                    writeOne();
                }
            }));
        }
        return this;
    }

    private void writeOne() {
        long began = System.nanoTime();
        try {
            SiteClient.Reply reply = client.post(tickets, new JsonObject().put("type", "repair")
                    .put("subject", "load " + marker + " 报修 " + began));
            if (reply.status() / 100 == 2) {
                acknowledged.add(reply.json().getLong("id"));
                latenciesNanos.add(System.nanoTime() - began);
            } else {
                refused.computeIfAbsent("HTTP " + reply.status(), kind -> new AtomicInteger()).incrementAndGet();
            }
        } catch (IOException e) {
            refused.computeIfAbsent(e.getClass().getSimpleName(), kind -> new AtomicInteger()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every writer to finish. */
    public TicketWriters await() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        return this;
    }

    public Set<Long> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** The time each acknowledged ticket took, request to answer, in nanoseconds. */
    public List<Long> latenciesNanos() {
        return List.copyOf(latenciesNanos);
    }

    /** Answers other than 2xx and failed requests, by kind ({@code HTTP 502}, {@code HttpTimeoutException}, ...). */
    public Map<String, Integer> refused() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        refused.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    public String marker() {
        return marker;
    }
}
