package hotline.bench;

import hotline.App;
import hotline.config.Config;
import hotline.testing.TestApp;
import hotline.testing.fuzz.ApiOperation;
import hotline.testing.fuzz.Fuzzer;
import hotline.testing.fuzz.HostileRequest;
import hotline.testing.fuzz.Mutation;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The long run of the contract fuzzer of {@code hotline.http.ContractFuzzTest}: starts a server on a fresh embedded
 * database (under {@code target/}), sends every kind of hostile input to every operation of {@code openapi.yaml} once
 * with its canonical value, then {@code requests} (default 5,000) drawn at random by jqwik, and prints the counts by
 * status class and every problem (a 5xx the contract does not declare, a dropped connection, a refusal that changed
 * the database). Exits 1 when there was a problem. Run: {@code bench/run ContractFuzz [requests]}.
 */
public final class ContractFuzz {

    private ContractFuzz() {
    }

    public static void main(String[] args) throws Exception {
        int drawn = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path dataDir = Files.createDirectories(Path.of("target", "fuzz-" + System.currentTimeMillis()).toAbsolutePath());
        JsonObject settings = Fuzzer.settings()
                .put("http", new JsonObject().put("port", 0))
                .put("agi", new JsonObject().put("port", 0))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("admin", new JsonObject().put("password", TestApp.ADMIN_PASSWORD));
        settings.getJsonObject("auth").put("hashMemoryKib", 1024).put("hashIterations", 1);
        int failures;
        try (App app = App.start(new Config(settings, Map.of()), false)) {
            Fuzzer fuzzer = Fuzzer.against(app);
            List<HostileRequest> every = new ArrayList<>();
            for (ApiOperation operation : fuzzer.operations()) {
                for (Mutation mutation : Mutation.values()) {
                    every.add(HostileRequest.canonical(operation, mutation));
                }
            }
            Map<String, Integer> byClass = new TreeMap<>();
            List<Fuzzer.Outcome> problems = new ArrayList<>();
            long started = System.nanoTime();
            Stream.concat(every.stream(), HostileRequest.any(fuzzer.operations()).sampleStream().limit(drawn))
                    .forEach(request -> {
                        Fuzzer.Outcome outcome = fuzzer.send(request);
                        byClass.merge(outcome.statusClass(), 1, Integer::sum);
                        if (outcome.problem().isPresent()) {
                            problems.add(outcome);
                        }
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            int total = byClass.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("Contract fuzz: %d operations, %d requests (%d every operation x kind, %d drawn) in %.0f s%n",
                    fuzzer.operations().size(), total, every.size(), drawn, seconds);
            byClass.forEach((statusClass, count) -> System.out.printf("  %s: %d%n", statusClass, count));
            System.out.printf("  problems: %d%n", problems.size());
            problems.forEach(outcome -> System.out.printf("    %s -> %d: %s%n", outcome.request(), outcome.status(),
                    outcome.problem().orElseThrow()));
            failures = problems.size();
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
