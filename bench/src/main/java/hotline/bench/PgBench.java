package hotline.bench;

import hotline.config.UtilityZone;
import org.HdrHistogram.Histogram;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code pgbench} running {@value #SCRIPT} (the database work of one ticket created over HTTP, one ticket per
 * transaction) straight into a server's PostgreSQL over 127.0.0.1: what this machine's PostgreSQL and disk do with the
 * ticket transaction when no server stands in between, the yardstick of docs/benchmarks.md. Needs {@code pgbench}
 * on the PATH (Debian: {@code apt-get install postgresql-client}; a client older than the server is fine).
 */
final class PgBench {

    static final String SCRIPT = "ticket-insert.sql";
    /** Beyond the run itself: connecting, and writing the per-transaction logs. */
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    /** Transactions (= tickets) per second; latency in microseconds per transaction. */
    record Result(double perSecond, Histogram histogram, long failed) {
        double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final Path pgbench;
    private final ServerProcess.Database database;
    private final Path workDir;
    private final long adminId;

    /**
     * @param workDir where the script, pgbench's output and its per-transaction logs go
     * @param adminId the user the tickets are created by (the server's admin, as over HTTP)
     */
    PgBench(Path pgbench, ServerProcess.Database database, Path workDir, long adminId) {
        this.pgbench = pgbench;
        this.database = database;
        this.workDir = workDir;
        this.adminId = adminId;
    }

    /** The {@code pgbench} executable on the PATH, if there is one. */
    static Optional<Path> find() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "pgbench"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Runs {@code clients} closed loops of the script for {@code duration}; fails when pgbench reports errors. */
    Result run(int clients, Duration duration) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve(clients + "-clients"));
        Path script = dir.resolve(SCRIPT);
        try (InputStream resource = PgBench.class.getResourceAsStream("/" + SCRIPT)) {
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path output = dir.resolve("pgbench.out");
        String day = LocalDate.now(ZoneId.of(UtilityZone.DEFAULT)).format(DateTimeFormatter.BASIC_ISO_DATE);
        int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
        List<String> command = List.of(pgbench.toString(), "--no-vacuum", "--protocol=prepared",
                "--host=" + database.host(), "--port=" + database.port(), "--username=" + database.user(),
                "--client=" + clients, "--jobs=" + threads, "--time=" + duration.toSeconds(),
                "--log", "--log-prefix=" + dir.resolve("tx"),
                "--define=admin_id=" + adminId, "--define=day=" + day, "--file=" + script, database.name());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // libpq reads PG* variables (PGHOSTADDR would even override the host): only ours count.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().putAll(Map.of("PGPASSWORD", database.password(), "PGCLIENTENCODING", "UTF8",
                "PGCONNECT_TIMEOUT", "10"));
        Process process = builder.start();
        if (!process.waitFor(duration.plus(GRACE).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException("pgbench did not finish within " + duration.plus(GRACE) + "; see "
                    + output);
        }
        String report = Files.readString(output);
        Matcher tps = TPS.matcher(report);
        if (process.exitValue() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "): see " + output);
        }
        Matcher failed = FAILED.matcher(report);
        return new Result(Double.parseDouble(tps.group(1)), latencies(dir),
                failed.find() ? Long.parseLong(failed.group(1)) : 0);
    }

    /**
     * The latency of every transaction from pgbench's logs (one file per thread, one line per transaction:
     * {@code client transaction latency-µs script epoch-s µs}; failed ones have no latency).
     */
    private static Histogram latencies(Path dir) throws IOException {
        Histogram histogram = new Histogram(60_000_000L, 3);
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> file.getFileName().toString().startsWith("tx.")).forEach(logs::add);
        }
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.map(line -> line.split(" ")).filter(fields -> fields.length > 2 && isNumber(fields[2]))
                        .forEach(fields -> histogram.recordValue(Math.max(1, Long.parseLong(fields[2]))));
            }
        }
        return histogram;
    }

    private static boolean isNumber(String field) {
        return !field.isEmpty() && field.chars().allMatch(Character::isDigit);
    }
}
