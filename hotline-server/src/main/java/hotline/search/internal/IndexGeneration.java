package hotline.search.internal;

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

/**
 * One physical index (a directory under the search root) with its writer and near-real-time searcher manager. The
 * last outbox id applied is kept in each Lucene commit's user data, so it is exactly as durable as the documents.
 * Thread-safe as its Lucene parts are; {@link #commit} callers serialise themselves.
 */
public final class IndexGeneration {

    private static final String OUTBOX_ID = "hotline.outboxId";

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

    /** The outbox id stored with the last commit (0 for a new index). */
    public long committedOutboxId() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return 0;
        }
        for (Map.Entry<String, String> entry : data) {
            if (OUTBOX_ID.equals(entry.getKey())) {
                return Long.parseLong(entry.getValue());
            }
        }
        return 0;
    }

    /** Makes everything written so far durable, together with the outbox id it reflects. */
    public void commit(long outboxId) throws IOException {
        writer.setLiveCommitData(Map.of(OUTBOX_ID, Long.toString(outboxId)).entrySet());
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
