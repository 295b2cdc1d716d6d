package hotline.http;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The inputs of issue 10 that were 500s: each is a 400 naming the field, and nothing is stored. */
@ExtendWith(HotlineServerExtension.class)
class UnreadableInputTest {

    private static App app;
    private static String token;

    @BeforeAll
    static void start(App started) {
        app = started;
        token = ApiClient.as(app, Role.SUPERVISOR).token();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @DisplayName("unreadable input is a 400 naming the field or parameter, and changes nothing stored")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "GET  | /api/tickets?size=%ZZ                     |                                                     | size",
            "GET  | /api/search?q=%                           |                                                     | q",
            "GET  | /api/customers?q=a%00b                    |                                                     | q",
            "GET  | /api/search?q=%C0%80                      |                                                     | q",
            "GET  | /api/search?q=%ED%A0%80                   |                                                     | q",
            "GET  | /api/tickets?customerId=9223372036854775808 |                                                   | customerId",
            "GET  | /api/tickets/99999999999999999999         |                                                     | id",
            "GET  | /api/tickets/%ZZ                          |                                                     | path",
            "POST | /api/tickets | {\"type\":\"inquiry\",\"subject\":\"a\\u0000b\"}                                 | subject",
            "POST | /api/tickets | {\"type\":\"inquiry\",\"subject\":\"a\\ud800b\"}                                 | subject",
            "POST | /api/tickets | {\"type\":\"inquiry\",\"subject\":\"s\",\"details\":{\"note\":\"\\u0000\"}}    | details.note",
            "POST | /api/tickets | {\"type\":\"inquiry\",\"subject\":\"s\",\"customerId\":99999999999999999999999} | customerId",
            "POST | /api/tickets | {\"type\":\"inquiry\",\"subject\":\"a<C080>b\"}                                 | body",
            "POST | /api/tickets | {\"type\":\"inquiry\",\"subject\":\"a<EDA080>b\"}                               | body",
            "POST | /api/customers | {\"accountNumber\":\"123456\",\"name\":\"n\",\"phones\":[\"13800138000\"],\"waterUse\":\"residential\",\"kind\":\"individual\",\"monthlyConsumption\":1e999} | monthlyConsumption",
            "POST | /api/session | {\"username\":\"a\\u0000b\",\"password\":\"p\"}                                | username",
            "POST | /api/session | {\"username\":\"a<C080>b\",\"password\":\"p\"}                                  | body",
    })
    void refusedWith400(String method, String target, String body, String field) throws Exception {
        long before = tickets();

        String answer = RawSocket.exchange(app.httpPort(), request(method, target, body), 10_000);

        assertThat(answer).startsWith("HTTP/1.1 400");
        JsonObject error = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(error.getString("field")).isEqualTo(field);
        assertThat(error.getString("error")).isNotBlank();
        assertThat(tickets()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a form body is refused with 415, also on a GET (whose form decoding used to throw)")
    @CsvSource({"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void formsRefused(String type) throws Exception {
        String head = "GET /api/crews HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: " + type + "\r\nContent-Length: 2\r\n\r\n{}";

        assertThat(RawSocket.exchange(app.httpPort(), RawSocket.bytes(head), 10_000)).startsWith("HTTP/1.1 415");
    }

    private static long tickets() {
        return app.pool().query("SELECT count(*) FROM tickets").execute().await().iterator().next().getLong(0);
    }

    /** {@code <C080>} in the body stands for those raw bytes. */
    private static byte[] request(String method, String target, String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (body != null) {
            String[] parts = body.split("[<>]");
            for (int i = 0; i < parts.length; i++) {
                bytes.writeBytes(i % 2 == 0 ? parts[i].getBytes(StandardCharsets.UTF_8) : HexFormat.of().parseHex(parts[i]));
            }
        }
        String head = method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + token
                + "\r\n" + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.size() + "\r\n")
                + "\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(bytes.toByteArray());
        return all.toByteArray();
    }
}
