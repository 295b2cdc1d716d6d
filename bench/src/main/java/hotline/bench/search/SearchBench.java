package hotline.bench.search;

import hotline.search.OutboxPosition;
import hotline.search.SearchDocument;
import hotline.search.SearchIndex;
import hotline.search.SearchRequest;
import hotline.search.Vocabulary;
import hotline.search.internal.IndexGeneration;
import hotline.store.EmbeddedPostgres;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The search benchmark (docs/benchmarks.md, "Search"):
 * {@code SearchBench <cases> <work dir> [--no-postgres] [--analyzer-sample N]}. Indexes the synthetic corpus with the
 * production analysis, measures indexing rate, size, latency at 1 and 8 clients per query kind, recall with and
 * without the vocabulary; compares SmartChineseAnalyzer with the CJK-bigram analysis on a sample; loads the same
 * corpus into PostgreSQL (tsvector + pg_trgm) and measures the same. Prints Markdown tables. Bounded: every loop has
 * a fixed count.
 */
public final class SearchBench {

    private static final long SEED = 20_261_123L;
    private static final int BATCH = 1_000;
    private static final int WARMUP = 50;
    private static final int PER_CLIENT_1 = 400;
    private static final int PER_CLIENT_8 = 100;
    private static final int PG_PER_CLIENT_1 = 40;
    private static final int PG_PER_CLIENT_8 = 10;

    private final CaseCorpus corpus = new CaseCorpus(SEED);
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path work = Path.of(args.length > 1 ? args[1] : "bench/target/search-bench");
        boolean postgres = !List.of(args).contains("--no-postgres");
        int sample = 100_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--analyzer-sample")) {
                sample = Integer.parseInt(args[i + 1]);
            }
        }
        new SearchBench().run(n, work, postgres, (int) Math.min(n, sample));
    }

    private void run(long n, Path work, boolean postgres, int sample) throws Exception {
        Files.createDirectories(work);
        line("# Search benchmark: %,d cases, %d processors, %s, JVM %s", n, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), Runtime.version());
        Answers answers = answers(n);

        Path luceneDir = work.resolve("lucene");
        deleteTree(luceneDir);
        Analyzer bigram = SearchIndex.analyzer();
        Vocabulary vocabulary = Vocabulary.loadDefault(bigram);
        double rate;
        try (SearchIndex index = SearchIndex.open(luceneDir, bigram, vocabulary)) {
            rate = indexAll(index, n);
            line("%n## Lucene (CJK bigrams + English stemming, with vocabulary)%n");
            line("- indexing: %,.0f cases/s (%,d cases, batches of %d, commit included)", rate, n, BATCH);
            line("- index size: %,.1f MB", size(luceneDir) / 1e6);
            line("%n| query kind | clients | p50 ms | p99 ms | max ms | queries/s |%n|---|---|---|---|---|---|");
            luceneLatency(index, n);
        }
        line("%n## Recall, Lucene (query words → known answers)%n");
        recall(luceneDir, bigram, vocabulary, answers);

        line("%n## Analyzer comparison on the first %,d cases%n", sample);
        compareAnalyzers(work, sample);

        if (postgres) {
            line("%n## PostgreSQL 'simple' tsvector + GIN, pg_trgm GIN for Chinese (same corpus)%n");
            postgres(work, n, answers);
        }
        Path report = work.resolve("search-" + n + ".md");
        Files.writeString(report, out);
        System.out.println("Report written to " + report);
    }

    /** The known answers: for each literal word the cases containing it; for each topic its cases. */
    private record Answers(List<BitSet> literal, List<BitSet> concepts) {
    }

    private Answers answers(long n) {
        List<BitSet> literal = new ArrayList<>();
        QuerySet.LITERAL.forEach(w -> literal.add(new BitSet()));
        List<BitSet> concepts = new ArrayList<>();
        QuerySet.CONCEPTS.forEach(c -> concepts.add(new BitSet()));
        for (long id = 1; id <= n; id++) {
            CaseCorpus.Case kase = corpus.generate(id);
            for (int q = 0; q < QuerySet.LITERAL.size(); q++) {
                if (kase.fullText().contains(QuerySet.LITERAL.get(q))) {
                    literal.get(q).set((int) id);
                }
            }
            for (int q = 0; q < QuerySet.CONCEPTS.size(); q++) {
                if (QuerySet.CONCEPTS.get(q).topic().equals(kase.topic().name())) {
                    concepts.get(q).set((int) id);
                }
            }
        }
        return new Answers(literal, concepts);
    }

    private double indexAll(SearchIndex index, long n) {
        long start = System.nanoTime();
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        for (long id = 1; id <= n; id++) {
            batch.add(corpus.generate(id).document());
            if (batch.size() == BATCH || id == n) {
                index.apply(batch, new OutboxPosition(id + ":" + id + ":")); // no outbox here: any position
                batch.clear();
            }
        }
        index.commit();
        index.refresh();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private void luceneLatency(SearchIndex index, long n) throws InterruptedException {
        kind("single term (English, vocabulary on)", i -> index.search(request(QuerySet.TERMS, i, false)));
        kind("single term + facet counts", i -> index.search(request(QuerySet.TERMS, i, true)));
        kind("Chinese word", i -> index.search(request(QuerySet.CHINESE, i, false)));
        kind("phrase", i -> index.search(request(QuerySet.PHRASES.stream().map(p -> "\"" + p + "\"").toList(), i,
                false)));
        kind("boolean: word -word + type + district", i -> {
            QuerySet.Filtered f = QuerySet.FILTERED.get(i % QuerySet.FILTERED.size());
            index.search(new SearchRequest(f.word() + " -" + f.excluded(), f.type(), null, f.district(), null, null,
                    null, 0, 20, null, false));
        });
        kind("similar cases (MoreLikeThis on a description)", i -> index.similarToText(
                corpus.generate(1 + Math.floorMod(i * 104_729L, n)).document().description(), 10, true));
    }

    private static SearchRequest request(List<String> words, int i, boolean facets) {
        return new SearchRequest(words.get(i % words.size()), null, null, null, null, null, null, 0, 20, null, facets);
    }

    private void kind(String name, IntConsumer query) throws InterruptedException {
        for (int clients : new int[] {1, 8}) {
            Latency.Result r = Latency.measure(clients, WARMUP, clients == 1 ? PER_CLIENT_1 : PER_CLIENT_8, query);
            row(name, clients, r);
        }
    }

    private void row(String name, int clients, Latency.Result r) {
        line("| %s | %d | %.2f | %.2f | %.2f | %,.0f |", name, clients, r.p50(), r.p99(), r.max(), r.qps());
    }

    private void recall(Path dir, Analyzer analyzer, Vocabulary vocabulary, Answers answers) {
        line("| query | answers | recall, vocabulary on | recall, vocabulary off | precision on | precision off |");
        line("|---|---|---|---|---|---|");
        double[] sums = new double[2];
        List<double[]> onOff = new ArrayList<>();
        for (Vocabulary v : List.of(vocabulary, Vocabulary.empty())) {
            try (SearchIndex index = SearchIndex.open(dir, analyzer, v)) {
                List<double[]> scores = new ArrayList<>();
                for (int q = 0; q < QuerySet.CONCEPTS.size(); q++) {
                    scores.add(score(index, QuerySet.CONCEPTS.get(q).query(), answers.concepts().get(q)));
                }
                onOff.add(scores.stream().flatMapToDouble(java.util.Arrays::stream).toArray());
            }
        }
        for (int q = 0; q < QuerySet.CONCEPTS.size(); q++) {
            QuerySet.Concept c = QuerySet.CONCEPTS.get(q);
            double onRecall = onOff.get(0)[2 * q];
            double offRecall = onOff.get(1)[2 * q];
            sums[0] += onRecall;
            sums[1] += offRecall;
            line("| %s (topic %s) | %,d | %.3f | %.3f | %.3f | %.3f |", c.query(), c.topic(),
                    answers.concepts().get(q).cardinality(), onRecall, offRecall, onOff.get(0)[2 * q + 1],
                    onOff.get(1)[2 * q + 1]);
        }
        int k = QuerySet.CONCEPTS.size();
        line("| **mean** | | **%.3f** | **%.3f** | | |", sums[0] / k, sums[1] / k);
        line("%nLiteral Chinese words (answers: the cases whose text contains the word), vocabulary off:%n");
        line("| query | answers | recall | precision |%n|---|---|---|---|");
        double sum = 0;
        try (SearchIndex index = SearchIndex.open(dir, analyzer, Vocabulary.empty())) {
            for (int q = 0; q < QuerySet.LITERAL.size(); q++) {
                double[] s = score(index, QuerySet.LITERAL.get(q), answers.literal().get(q));
                sum += s[0];
                line("| %s | %,d | %.3f | %.3f |", QuerySet.LITERAL.get(q), answers.literal().get(q).cardinality(),
                        s[0], s[1]);
            }
        }
        line("| **mean** | | **%.3f** | |", sum / QuerySet.LITERAL.size());
    }

    /** Recall and precision of a query against its known answers. */
    private static double[] score(SearchIndex index, String query, BitSet answers) {
        BitSet found = new BitSet();
        index.forEachMatch(query, id -> found.set((int) id));
        return ratios(found, answers);
    }

    private static double[] ratios(BitSet found, BitSet answers) {
        BitSet hit = (BitSet) found.clone();
        hit.and(answers);
        double recall = answers.isEmpty() ? 1 : (double) hit.cardinality() / answers.cardinality();
        double precision = found.isEmpty() ? 1 : (double) hit.cardinality() / found.cardinality();
        return new double[] {recall, precision};
    }

    private void compareAnalyzers(Path work, int sample) throws Exception {
        Answers answers = answers(sample);
        line("| analysis | indexing cases/s | size MB | Chinese-word p50 ms | p99 ms | mean recall (%d literal Chinese words) | min recall |",
                QuerySet.LITERAL.size());
        line("|---|---|---|---|---|---|---|");
        List<Analyzer> analyzers = List.of(SearchIndex.analyzer(), new SmartChineseAnalyzer());
        List<String> names = List.of("CJK bigrams + English (chosen)", "SmartChineseAnalyzer");
        for (int a = 0; a < analyzers.size(); a++) {
            Path dir = work.resolve("analyzer-" + a);
            deleteTree(dir);
            try (SearchIndex index = SearchIndex.open(dir, analyzers.get(a), Vocabulary.empty())) {
                double rate = indexAll(index, sample);
                Latency.Result r = Latency.measure(1, WARMUP, PER_CLIENT_1,
                        i -> index.search(request(QuerySet.CHINESE, i, false)));
                double sum = 0;
                double min = 1;
                for (int q = 0; q < QuerySet.LITERAL.size(); q++) {
                    double recall = score(index, QuerySet.LITERAL.get(q), answers.literal().get(q))[0];
                    sum += recall;
                    min = Math.min(min, recall);
                }
                line("| %s | %,.0f | %,.1f | %.2f | %.2f | %.3f | %.3f |", names.get(a), rate, size(dir) / 1e6, r.p50(),
                        r.p99(), sum / QuerySet.LITERAL.size(), min);
            }
            deleteTree(dir);
        }
    }

    private void postgres(Path work, long n, Answers answers) throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(work.resolve("pg"))) {
            PostgresFts pg = new PostgresFts(server.endpoint());
            double[] load = pg.load(n, corpus::generate);
            line("- load (COPY): %,.0f cases/s; index build (GIN tsvector, GIN trigram, btree): %.1f s; "
                    + "table + indexes: %,.1f MB", n / load[0], load[1], pg.sizeBytes() / 1e6);
            line("%n| query kind | clients | p50 ms | p99 ms | max ms | queries/s |%n|---|---|---|---|---|---|");
            pgKind(pg, "single term (tsvector)", PostgresFts.WORDS,
                    i -> twice(QuerySet.TERMS.get(i % QuerySet.TERMS.size())));
            pgKind(pg, "Chinese word (LIKE, pg_trgm)", PostgresFts.SUBSTRING,
                    i -> new String[] {"%" + QuerySet.CHINESE.get(i % QuerySet.CHINESE.size()) + "%"});
            pgKind(pg, "phrase (English: phraseto_tsquery)", PostgresFts.PHRASE,
                    i -> twice(List.of("burst main", "low pressure", "rusty water").get(i % 3)));
            pgKind(pg, "phrase (Chinese: LIKE)", PostgresFts.SUBSTRING,
                    i -> new String[] {"%" + List.of("门口爆管", "水压很低", "楼道里漏水").get(i % 3) + "%"});
            pgKind(pg, "boolean: word -word + type + district", PostgresFts.FILTERED, i -> {
                QuerySet.Filtered f = QuerySet.FILTERED.get(i % QuerySet.FILTERED.size());
                return new String[] {"%" + f.word() + "%", "%" + f.excluded() + "%", f.type(), f.district()};
            });
            line("%nRecall of PostgreSQL (tsvector for English, LIKE for Chinese):%n");
            line("| query | answers | recall | precision |%n|---|---|---|---|");
            double literalSum = 0;
            for (int q = 0; q < QuerySet.LITERAL.size(); q++) {
                double[] s = ratios(pg.matches(QuerySet.LITERAL.get(q)), answers.literal().get(q));
                literalSum += s[0];
                line("| %s (literal) | %,d | %.3f | %.3f |", QuerySet.LITERAL.get(q),
                        answers.literal().get(q).cardinality(), s[0], s[1]);
            }
            double conceptSum = 0;
            for (int q = 0; q < QuerySet.CONCEPTS.size(); q++) {
                QuerySet.Concept c = QuerySet.CONCEPTS.get(q);
                double[] s = ratios(pg.matches(c.query()), answers.concepts().get(q));
                conceptSum += s[0];
                line("| %s (topic %s) | %,d | %.3f | %.3f |", c.query(), c.topic(),
                        answers.concepts().get(q).cardinality(), s[0], s[1]);
            }
            line("| **mean literal / concept** | | **%.3f / %.3f** | |", literalSum / QuerySet.LITERAL.size(),
                    conceptSum / QuerySet.CONCEPTS.size());
        }
    }

    private static String[] twice(String word) {
        return new String[] {word, word};
    }

    private interface Parameters {
        String[] of(int i);
    }

    private void pgKind(PostgresFts pg, String name, String sql, Parameters parameters) throws Exception {
        for (int clients : new int[] {1, 8}) {
            List<Connection> connections = new ArrayList<>();
            List<PreparedStatement> statements = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Connection connection = pg.connect();
                connections.add(connection);
                statements.add(connection.prepareStatement(sql));
            }
            try {
                ThreadLocal<PreparedStatement> mine = new ThreadLocal<>();
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                Latency.Result r = Latency.measure(clients, 2, clients == 1 ? PG_PER_CLIENT_1 : PG_PER_CLIENT_8, i -> {
                    if (mine.get() == null) {
                        mine.set(statements.get(next.getAndIncrement()));
                    }
                    PostgresFts.run(mine.get(), parameters.of(i));
                });
                row(name, clients, r);
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        out.append(text).append('\n');
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        IndexGeneration.deleteTree(dir);
    }
}
