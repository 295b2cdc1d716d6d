package hotline.bench.search;

import hotline.search.SearchDocument;
import hotline.store.DbEndpoint;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.function.LongFunction;

/**
 * The alternative a team would otherwise build: the same cases in a PostgreSQL table with
 * {@code to_tsvector('simple', text)} in a GIN index (words) and a {@code pg_trgm} GIN index (Chinese substrings by
 * {@code LIKE '%word%'}). Every query answers the first 20 rows and the total, like the Lucene search.
 */
public final class PostgresFts {

    static final String SCHEMA = """
            DROP TABLE IF EXISTS cases;
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE TABLE cases (
                id         BIGINT PRIMARY KEY,
                type       TEXT NOT NULL,
                status     TEXT NOT NULL,
                district   TEXT NOT NULL,
                tier       TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                body       TEXT NOT NULL,
                tsv        TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
            )""";
    static final String COPY = "COPY cases (id, type, status, district, tier, created_at, body) FROM STDIN (FORMAT csv)";
    static final String INDEXES = """
            CREATE INDEX cases_tsv_idx ON cases USING gin (tsv);
            CREATE INDEX cases_trgm_idx ON cases USING gin (body gin_trgm_ops);
            CREATE INDEX cases_filter_idx ON cases (type, district, created_at DESC);
            ANALYZE cases""";
    static final String WORDS = "SELECT id, count(*) OVER () FROM cases WHERE tsv @@ plainto_tsquery('simple', ?) "
            + "ORDER BY ts_rank(tsv, plainto_tsquery('simple', ?)) DESC LIMIT 20";
    static final String PHRASE = "SELECT id, count(*) OVER () FROM cases WHERE tsv @@ phraseto_tsquery('simple', ?) "
            + "ORDER BY ts_rank(tsv, phraseto_tsquery('simple', ?)) DESC LIMIT 20";
    static final String SUBSTRING = "SELECT id, count(*) OVER () FROM cases WHERE body LIKE ? "
            + "ORDER BY created_at DESC LIMIT 20";
    static final String FILTERED = "SELECT id, count(*) OVER () FROM cases WHERE body LIKE ? AND body NOT LIKE ? "
            + "AND type = ? AND district = ? ORDER BY created_at DESC LIMIT 20";
    static final String ALL_WORDS = "SELECT id FROM cases WHERE tsv @@ plainto_tsquery('simple', ?)";
    static final String ALL_SUBSTRING = "SELECT id FROM cases WHERE body LIKE ?";

    private final DbEndpoint endpoint;

    public PostgresFts(DbEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    /** Creates the table and loads cases 1..n; answers the seconds taken by the load and by the index builds. */
    public double[] load(long n, LongFunction<CaseCorpus.Case> cases) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : SCHEMA.split(";")) {
                s.execute(sql);
            }
            long start = System.nanoTime();
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                StringBuilder batch = new StringBuilder();
                for (long id = 1; id <= n; id++) {
                    CaseCorpus.Case kase = cases.apply(id);
                    SearchDocument d = kase.document();
                    batch.append(id).append(',').append(d.type()).append(',').append(d.status()).append(',')
                            .append(d.district()).append(',').append(d.tier()).append(',').append(d.createdAt())
                            .append(',').append(csv(kase.fullText())).append('\n');
                    if (batch.length() > 1 << 20 || id == n) {
                        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        batch.setLength(0);
                    }
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            double loaded = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (String sql : INDEXES.split(";")) {
                s.execute(sql);
            }
            return new double[] {loaded, (System.nanoTime() - start) / 1e9};
        }
    }

    public long sizeBytes() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_total_relation_size('cases')")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The ids matching a query the way the alternative would: words by tsvector, Chinese by LIKE. */
    public BitSet matches(String query) throws SQLException {
        boolean chinese = QuerySet.isChinese(query);
        BitSet ids = new BitSet();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(chinese ? ALL_SUBSTRING : ALL_WORDS)) {
            p.setString(1, chinese ? "%" + query + "%" : query);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.set((int) r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Runs one prepared query with its parameters and reads all rows. */
    public static void run(PreparedStatement p, String... parameters) {
        try {
            for (int i = 0; i < parameters.length; i++) {
                p.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
