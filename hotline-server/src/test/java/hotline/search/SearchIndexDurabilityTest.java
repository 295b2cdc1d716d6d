package hotline.search;

import hotline.testing.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexDurabilityTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Given a writer killed with SIGKILL, when the index reopens, then it holds the last commit and its outbox position")
    void sigkillKeepsLastCommit() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // skip the child's log lines
            }
            assertThat(line).isEqualTo("ready");
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit on close
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        try (SearchIndex index = SearchIndex.open(dir, Vocabulary.empty())) {
            assertThat(index.committedPosition()).contains(Tickets.position(3));
            assertThat(index.size()).isEqualTo(3);
            // the caller replays the outbox from position 3: ticket 4 comes back
            index.apply(List.of(Tickets.ticket(4, "repair", "north", "水压低", "水压很低")), Tickets.position(4));
            index.refresh();
            assertThat(index.search(SearchRequest.of("水压")).total()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Given searches running, when a rebuild is swapped in, then every search succeeds and the new index serves")
    void rebuildWhileSearching() throws Exception {
        try (SearchIndex index = SearchIndex.open(dir, Vocabulary.empty())) {
            List<SearchDocument> old = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                old.add(Tickets.ticket(i, "repair", "north", "旧工单 爆管", "门口爆管 " + i));
            }
            index.apply(old, Tickets.position(200));
            index.refresh();
            Path before = index.directory();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger searches = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> searchers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                searchers.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        try {
                            assertThat(index.search(SearchRequest.of("爆管")).total()).isPositive();
                            searches.incrementAndGet();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }));
            }
            try (SearchIndex.Rebuild rebuild = index.rebuild()) {
                List<SearchDocument> fresh = new ArrayList<>();
                for (int i = 1; i <= 300; i++) {
                    fresh.add(Tickets.ticket(i, "repair", "south", "新工单 爆管", "路口爆管 " + i));
                }
                rebuild.add(fresh);
                searchesGoOn(searches, failure);
                rebuild.complete(Tickets.position(300));
            }
            searchesGoOn(searches, failure);
            running.set(false);
            for (Thread t : searchers) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(searches.get()).isPositive();
            assertThat(index.search(SearchRequest.of("新工单")).total()).isEqualTo(300);
            assertThat(index.appliedPosition()).contains(Tickets.position(300));
            assertThat(index.directory()).isNotEqualTo(before);
            assertThat(before).doesNotExist();
        }
        try (SearchIndex reopened = SearchIndex.open(dir, Vocabulary.empty())) {
            assertThat(reopened.committedPosition()).contains(Tickets.position(300));
            assertThat(reopened.size()).isEqualTo(300);
            try (var children = Files.list(dir)) {
                assertThat(children.filter(Files::isDirectory).count()).isEqualTo(1);
            }
        }
    }

    /** Returns once 50 more searches have run (or one failed): searches meet the index as it stands now. */
    private static void searchesGoOn(AtomicInteger searches, AtomicReference<Throwable> failure)
            throws InterruptedException {
        int before = searches.get();
        Await.until(() -> searches.get() >= before + 50 || failure.get() != null, Duration.ofSeconds(10));
    }
}
