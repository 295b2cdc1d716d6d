package hotline.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

    /** Thrown by a write that certainly rolled back. */
    private static final class RolledBack extends RuntimeException {
        RolledBack(String message) {
            super(message);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    /** One event-loop context, as one verticle instance of the server has. */
    private final Context context = vertx.getOrCreateContext();
    /** Every write's items, in the order the writes started. */
    private final List<List<String>> writes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** Answers each item upper-cased; an item "bad" fails the whole write as rolled back, "lost" as maybe committed. */
    private Future<List<String>> upperCase(List<String> items) {
        writes.add(items);
        if (items.contains("bad")) {
            return Future.failedFuture(new RolledBack("bad item"));
        }
        if (items.contains("lost")) {
            return Future.failedFuture(new IllegalStateException("connection lost"));
        }
        return Future.succeededFuture(items.stream().map(String::toUpperCase).toList());
    }

    private GroupCommit<String, String> groupCommit(Function<List<String>, Future<List<String>>> writeAll,
                                                    int maxBatch, int maxInFlight) {
        return new GroupCommit<>(writeAll, failure -> failure instanceof RolledBack, maxBatch, maxInFlight);
    }

    /** Submits every item in one turn of the event loop; answers each item's outcome ("!" + message if failed). */
    private List<String> submitTogether(GroupCommit<String, String> commit, List<String> items) throws Exception {
        return onContext(() -> Future.all(items.stream()
                .map(item -> commit.submit(item).recover(e -> Future.succeededFuture("!" + e.getMessage())))
                .toList()).map(all -> all.<String>list()));
    }

    private <T> T onContext(Supplier<Future<T>> work) throws Exception {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(result));
        return result.future().await(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("items submitted in one event-loop turn are written together, in order, each answered with its own result")
    void oneTurnOneWrite() throws Exception {
        List<String> answers = submitTogether(groupCommit(this::upperCase, 10, 1), List.of("a", "b", "c"));

        assertThat(answers).containsExactly("A", "B", "C");
        assertThat(writes).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    @DisplayName("a write takes at most maxBatch items; the rest follow in the next writes")
    void batchesAreBounded() throws Exception {
        List<String> answers = submitTogether(groupCommit(this::upperCase, 2, 1), List.of("a", "b", "c", "d", "e"));

        assertThat(answers).containsExactly("A", "B", "C", "D", "E");
        assertThat(writes).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    @DisplayName("while maxInFlight writes run, new items wait and then go together into the next write")
    void itemsWaitForTheRunningWrite() throws Exception {
        List<Promise<List<String>>> running = new CopyOnWriteArrayList<>();
        GroupCommit<String, String> commit = groupCommit(items -> {
            writes.add(items);
            Promise<List<String>> promise = Promise.promise();
            running.add(promise);
            return promise.future();
        }, 10, 1);
        List<Future<String>> answers = new ArrayList<>();

        onContext(() -> {
            answers.add(commit.submit("a"));
            return Future.succeededFuture();
        });
        onContext(() -> {
            answers.add(commit.submit("b"));
            answers.add(commit.submit("c"));
            return Future.succeededFuture();
        });
        assertThat(writes).containsExactly(List.of("a"));
        onContext(() -> {
            running.getFirst().complete(List.of("A"));
            return Future.succeededFuture();
        });
        assertThat(writes).containsExactly(List.of("a"), List.of("b", "c"));
        onContext(() -> {
            running.get(1).complete(List.of("B", "C"));
            return Future.succeededFuture();
        });

        assertThat(answers).allMatch(Future::succeeded);
        assertThat(answers.stream().map(Future::result)).containsExactly("A", "B", "C");
    }

    @Test
    @DisplayName("a shared write that rolled back is retried item by item, so only the bad item fails")
    void rolledBackBatchRetriedAlone() throws Exception {
        List<String> answers = submitTogether(groupCommit(this::upperCase, 10, 1), List.of("a", "bad", "c"));

        assertThat(answers).containsExactly("A", "!bad item", "C");
        assertThat(writes).containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));
    }

    @Test
    @DisplayName("a failure that may have committed is not retried: every item of the write gets it")
    void uncertainFailureNotRetried() throws Exception {
        List<String> answers = submitTogether(groupCommit(this::upperCase, 10, 1), List.of("a", "lost"));

        assertThat(answers).containsExactly("!connection lost", "!connection lost");
        assertThat(writes).hasSize(1);
    }

    @Test
    @DisplayName("a write that throws, or answers the wrong number of results, fails its items instead of hanging")
    void brokenWritesFail() throws Exception {
        List<String> thrown = submitTogether(groupCommit(items -> {
            throw new IllegalArgumentException("thrown");
        }, 10, 1), List.of("a", "b"));
        List<String> miscounted = submitTogether(groupCommit(items -> Future.succeededFuture(List.of("X")), 10, 1),
                List.of("a", "b"));

        assertThat(thrown).containsExactly("!thrown", "!thrown");
        assertThat(miscounted).allMatch(answer -> answer.startsWith("!a write of 2 items answered 1 results"));
    }

    @Test
    @DisplayName("outside an event loop each item is written alone, at once")
    void outsideAContextAlone() throws Exception {
        GroupCommit<String, String> commit = groupCommit(this::upperCase, 10, 1);

        String a = commit.submit("a").await(10, TimeUnit.SECONDS);
        String b = commit.submit("b").await(10, TimeUnit.SECONDS);

        assertThat(List.of(a, b)).containsExactly("A", "B");
        assertThat(writes).containsExactly(List.of("a"), List.of("b"));
    }
}
