package hotline.search;

import hotline.search.internal.Fields;
import hotline.search.internal.HotlineAnalyzer;
import hotline.search.internal.IndexGeneration;
import hotline.search.internal.QueryFactory;
import hotline.search.internal.Searches;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The Lucene index of tickets in a root directory: the live index lives in a sub-directory named by the file
 * {@code CURRENT}; a {@link Rebuild} writes a new sub-directory and {@link Rebuild#complete swaps} it in atomically
 * (the file is replaced by an atomic rename) while searches continue on the old one until they finish.
 *
 * <p>Writes ({@link #apply}) carry the {@link OutboxPosition} they reflect; it is committed with the documents, so
 * after a crash {@link #committedPosition()} says where to resume. The root also holds the {@link #instanceId()} this
 * index is known by in the database (each instance feeds its own index). Changes become searchable within
 * {@value #REFRESH_MS} ms (a background refresh), and are committed every {@value #COMMIT_MS} ms and on
 * {@link #close}. All methods block (Lucene I/O): call them from a worker, never an event loop. Thread-safe; writes
 * are serialised.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    public static final long REFRESH_MS = 200;
    public static final long COMMIT_MS = 5_000;
    private static final String CURRENT = "CURRENT";
    private static final String INSTANCE = "INSTANCE";
    private static final double RAM_BUFFER_MB = 64;

    private final Path root;
    private final String instanceId;
    private final Analyzer analyzer;
    private final Searches searches;
    private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
    private final Object writes = new Object();
    private final ScheduledExecutorService background;
    private volatile OutboxPosition appliedPosition;
    private volatile OutboxPosition committedPosition;

    private SearchIndex(Path root, String instanceId, Analyzer analyzer, Vocabulary vocabulary, IndexGeneration live) {
        this.root = root;
        this.instanceId = instanceId;
        this.analyzer = analyzer;
        this.searches = new Searches(analyzer, new QueryFactory(analyzer, vocabulary));
        this.current.set(live);
        this.committedPosition = live.committedPosition().orElse(null);
        this.appliedPosition = committedPosition;
        this.background = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("search-index-refresh").factory());
        background.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::commitQuietly, COMMIT_MS, COMMIT_MS, TimeUnit.MILLISECONDS);
    }

    /** Opens the index under {@code root} (created if absent), dropping leftovers of an interrupted rebuild. */
    public static SearchIndex open(Path root, Vocabulary vocabulary) {
        return open(root, new HotlineAnalyzer(), vocabulary);
    }

    /** The analyzer used by {@link #open(Path, Vocabulary)}, for building a {@link Vocabulary} to match. */
    public static Analyzer analyzer() {
        return new HotlineAnalyzer();
    }

    /** Opens with another analyzer (for comparisons such as {@code bench/}); the vocabulary must be built with it. */
    public static SearchIndex open(Path root, Analyzer analyzer, Vocabulary vocabulary) {
        try {
            Files.createDirectories(root);
            Path pointer = root.resolve(CURRENT);
            String name = Files.exists(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).strip() : "index-1";
            try (var children = Files.list(root)) {
                for (Path child : children.toList()) {
                    if (Files.isDirectory(child) && !child.getFileName().toString().equals(name)) {
                        log.info("Removing {} left by an unfinished rebuild", child);
                        IndexGeneration.deleteTree(child);
                    }
                }
            }
            IndexGeneration live = IndexGeneration.open(root.resolve(name), analyzer, RAM_BUFFER_MB);
            if (!Files.exists(pointer)) {
                pointTo(root, name);
            }
            SearchIndex index = new SearchIndex(root, instanceId(root), analyzer, vocabulary, live);
            log.info("Search index {} open: {} tickets, outbox position {}", live.path(), index.size(),
                    index.committedPosition);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + root, e);
        }
    }

    /**
     * Adds or replaces the documents (by ticket id) and records that the outbox up to {@code position} is in. The
     * caller applies positions in the order it read them.
     */
    public void apply(Collection<SearchDocument> tickets, OutboxPosition position) {
        synchronized (writes) {
            write(current.get(), tickets);
            appliedPosition = position;
        }
    }

    /** The outbox position applied (searchable within a refresh; durable after the next commit); empty if none. */
    public Optional<OutboxPosition> appliedPosition() {
        return Optional.ofNullable(appliedPosition);
    }

    /** The outbox position durably committed: after a crash, the index resumes from here; empty if none. */
    public Optional<OutboxPosition> committedPosition() {
        return Optional.ofNullable(committedPosition);
    }

    /** The name this index goes by in the database, kept in its root so it survives restarts and rebuilds. */
    public String instanceId() {
        return instanceId;
    }

    /** Commits now (normally done every {@value #COMMIT_MS} ms); nothing to do before a first position. */
    public void commit() {
        synchronized (writes) {
            OutboxPosition position = appliedPosition;
            if (position == null) {
                return;
            }
            try {
                current.get().commit(position);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the search index", e);
            }
            committedPosition = position;
        }
    }

    /** Makes every applied change searchable now (normally done every {@value #REFRESH_MS} ms). */
    public void refresh() {
        try {
            current.get().searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the search index", e);
        }
    }

    public SearchResults search(SearchRequest request) {
        return withSearcher(searcher -> searches.search(searcher, request));
    }

    /**
     * Up to {@code size} cases most like ticket {@code id}, or none when that ticket is not indexed; with
     * {@code collapse}, near-duplicates count in their best case's {@link SearchHit#alsoSeen()} instead.
     */
    public List<SearchHit> similarTo(long id, int size, boolean collapse) {
        return withSearcher(searcher -> searches.similarTo(searcher, id, size, collapse));
    }

    /** Up to {@code size} cases most like a free text, near-duplicates collapsed as for {@link #similarTo}. */
    public List<SearchHit> similarToText(String text, int size, boolean collapse) {
        return withSearcher(searcher -> searches.similarToText(searcher, text, size, collapse));
    }

    /**
     * Every ticket id matching the words of {@code text} (no paging, no order), for measuring recall and for
     * exports; {@code ids} is called on this thread.
     */
    public void forEachMatch(String text, LongConsumer ids) {
        withSearcher(searcher -> {
            searches.forEachMatch(searcher, text, ids);
            return null;
        });
    }

    /** Tickets in the index (as of the last refresh). */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** The directory of the live index (changes with each rebuild). */
    public Path directory() {
        return current.get().path();
    }

    /** Starts a rebuild into a new directory beside the live index; the live index keeps serving meanwhile. */
    public Rebuild rebuild() {
        String name = "index-" + System.nanoTime();
        try {
            return new Rebuild(IndexGeneration.open(root.resolve(name), analyzer, RAM_BUFFER_MB));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a search index rebuild", e);
        }
    }

    /** Stops the background refresh, commits what was applied (if it cannot, the outbox replays it), closes. */
    @Override
    public void close() {
        // Never interrupt: an interrupted Lucene write closes its file channel and breaks the writer for good.
        background.shutdown();
        try {
            if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Search index background work did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            commit();
        } catch (RuntimeException e) {
            // Nothing is lost: the next start replays the outbox from the last good commit.
            log.warn("Search index not committed on close ({}); the outbox is replayed at the next start",
                    e.getMessage());
        } finally {
            try {
                current.get().close();
            } catch (IOException | RuntimeException e) {
                log.warn("Search index did not close cleanly: {}", e.getMessage());
            }
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        while (true) {
            IndexGeneration live = current.get();
            IndexSearcher searcher;
            try {
                searcher = live.searchers().acquire();
            } catch (AlreadyClosedException closed) {
                if (current.get() == live) {
                    throw new IllegalStateException("the search index is closed", closed);
                }
                continue; // a rebuild was swapped in between reading current and acquiring: use the new one
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search the index", e);
            }
            try {
                return work.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search the index", e);
            } finally {
                try {
                    live.searchers().release(searcher);
                } catch (IOException e) {
                    log.warn("Releasing a searcher failed: {}", e.getMessage());
                }
            }
        }
    }

    /** Adds or replaces (by ticket id) each document. */
    private static void write(IndexGeneration generation, Collection<SearchDocument> tickets) {
        try {
            for (SearchDocument ticket : tickets) {
                generation.writer().updateDocument(Fields.idTerm(ticket.id()), Fields.toDocument(ticket));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the search index " + generation.path(), e);
        }
    }

    private void refreshQuietly() {
        try {
            current.get().searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index refresh failed: {}", e.getMessage());
        }
    }

    private void commitQuietly() {
        if (Objects.equals(appliedPosition, committedPosition) && !current.get().writer().hasUncommittedChanges()) {
            return;
        }
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("Search index commit failed: {}", e.getMessage());
        }
    }

    private static String instanceId(Path root) throws IOException {
        Path file = root.resolve(INSTANCE);
        if (!Files.exists(file)) {
            writeDurably(file, UUID.randomUUID().toString());
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static void pointTo(Path root, String name) throws IOException {
        writeDurably(root.resolve(CURRENT), name);
    }

    /** Replaces {@code file} atomically (a rename) with {@code text}, forced to disk first. */
    private static void writeDurably(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A new index being built beside the live one. {@link #add} documents (any order, repeats replace), then
     * {@link #complete} commits it with the outbox position it reflects and makes it the live index; {@link #close}
     * without completing throws it away. One thread at a time.
     */
    public final class Rebuild implements AutoCloseable {

        private final IndexGeneration generation;
        private boolean completed;

        private Rebuild(IndexGeneration generation) {
            this.generation = generation;
        }

        public void add(Collection<SearchDocument> tickets) {
            write(generation, tickets);
        }

        /**
         * Commits the new index as reflecting the outbox up to {@code position} and swaps it in; later
         * {@link SearchIndex#apply}s go to it. Searches running on the old index finish there.
         */
        public void complete(OutboxPosition position) {
            synchronized (writes) {
                try {
                    generation.commit(position);
                    generation.searchers().maybeRefreshBlocking();
                    pointTo(root, generation.path().getFileName().toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot complete the search index rebuild", e);
                }
                IndexGeneration old = current.getAndSet(generation);
                appliedPosition = position;
                committedPosition = position;
                completed = true;
                try {
                    old.discard();
                } catch (IOException e) {
                    log.warn("The replaced search index {} was not removed: {}", old.path(), e.getMessage());
                }
            }
            log.info("Search index rebuilt in {}: outbox position {}", generation.path(), position);
        }

        @Override
        public void close() {
            if (!completed) {
                try {
                    generation.discard();
                } catch (IOException e) {
                    log.warn("The abandoned rebuild {} was not removed: {}", generation.path(), e.getMessage());
                }
            }
        }
    }
}
