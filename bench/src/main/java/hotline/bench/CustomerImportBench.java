package hotline.bench;

import hotline.App;
import hotline.config.Config;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measures {@code POST /api/customers/import}: starts a server on a fresh embedded database (a temporary data
 * directory under {@code target/}), logs in as the first admin, and imports a generated file of {@code rows} customers (default 10,000;
 * Chinese names and addresses, two phones each) twice: once creating, once updating every row. Prints rows/s of each.
 * Stops by itself. Run: {@code java -cp ... hotline.bench.CustomerImportBench [rows]}.
 */
public final class CustomerImportBench {

    private static final String PASSWORD = "ledger-pumpkin-violet-63";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] DISTRICTS = {"SC", "XH", "BJ", "GS", "YH"};
    private static final String[] WATER_USES = {"residential", "residential", "residential", "commercial", "industrial", "public"};

    private CustomerImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        // Under target/ (of the working directory under {@code target/}), not /tmp: the embedded database's own user must reach it.
        // (createTempDirectory would make it private to this user.)
        Path dataDir = Files.createDirectories(Path.of("target", "import-bench-" + System.currentTimeMillis()).toAbsolutePath());
        JsonObject settings = new JsonObject()
                .put("http", new JsonObject().put("port", 0))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("admin", new JsonObject().put("password", PASSWORD));
        try (App app = App.start(new Config(settings, Map.of()), false)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                            .put("password", PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
            String token = new JsonObject(login.body()).getString("token");
            for (String pass : new String[] {"create", "update"}) {
                String csv = file(rows, pass);
                long started = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/customers/import"))
                        .header("Content-Type", "text/csv; charset=utf-8").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - started) / 1e9;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
                }
                JsonObject report = new JsonObject(response.body());
                System.out.printf("%s: %d rows (%.1f MB) in %.2f s = %.0f rows/s; status %d, created %d, updated %d, errors %d%n",
                        pass, rows, csv.getBytes(StandardCharsets.UTF_8).length / 1e6, seconds, rows / seconds,
                        response.statusCode(), report.getInteger("created"), report.getInteger("updated"),
                        report.getJsonArray("errors").size());
            }
        }
    }

    private static String file(int rows, String pass) {
        StringBuilder csv = new StringBuilder("\uFEFFaccountNumber,name,phones,address,district,waterUse,kind,tier,"
                + "criticalFacility,criticalReason,monthlyConsumption,notes\n");
        for (int i = 0; i < rows; i++) {
            String waterUse = WATER_USES[i % WATER_USES.length];
            String kind = waterUse.equals("residential") ? "individual" : "organisation";
            csv.append(String.format("%08d", 10_000_000 + i)).append(',')
                    .append(SURNAMES[i % SURNAMES.length]).append(kind.equals("individual") ? "先生" : "有限公司").append(i).append(',')
                    .append("\"1").append(String.format("%010d", 3_000_000_000L + i)).append(";0571-8").append(String.format("%07d", i)).append("\",")
                    .append("杭州市").append(DISTRICTS[i % DISTRICTS.length]).append("区文三路").append(i % 500).append("号,")
                    .append(DISTRICTS[i % DISTRICTS.length]).append(',').append(waterUse).append(',').append(kind).append(",,")
                    .append(i % 97 == 0 ? "true,hospital," : "false,,")
                    .append(i % 50 * (pass.equals("create") ? 7 : 11)).append(",")
                    .append("导入备注 ").append(pass).append('\n');
        }
        return csv.toString();
    }
}
