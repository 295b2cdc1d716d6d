package hotline.search.internal;

import hotline.search.OutboxPosition;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * One physical index (a directory under the search root) with its writer and near-real-time searcher manager. The
 * outbox position applied is kept in each Lucene commit's user data, so it is exactly as durable as the documents.
 * Thread-safe as its Lucene parts are; {@link #commit} callers serialise themselves.
 */
public final class IndexGeneration {

    /** Indexes written before positions were snapshots kept an outbox id under another key: they have none. */
    private static final String POSITION = "hotline.outboxPosition";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IndexGeneration(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Opens (creating if absent) the index in {@code path}; {@code ramBufferMb} bounds memory before a flush. */
    public static IndexGeneration open(Path path, Analyzer analyzer, double ramBufferMb) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            return new IndexGeneration(path, directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public IndexWriter writer() {
        return writer;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    /** The outbox position stored with the last commit; empty for a new index. */
    public Optional<OutboxPosition> committedPosition() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> entry : data) {
            if (POSITION.equals(entry.getKey())) {
                return Optional.of(new OutboxPosition(entry.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Makes everything written so far durable, together with the outbox position it reflects. */
    public void commit(OutboxPosition position) throws IOException {
        writer.setLiveCommitData(Map.of(POSITION, position.snapshot()).entrySet());
        writer.commit();
    }

    /** Closes without committing: what was not committed is dropped (the outbox replays it). */
    public void close() throws IOException {
        try {
            searchers.close();
            writer.rollback();
        } finally {
            directory.close();
        }
    }

    /** Closes and deletes the directory (a replaced or abandoned generation). */
    public void discard() throws IOException {
        close();
        deleteTree(path);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
