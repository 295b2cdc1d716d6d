package hotline.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.vertx.core.Future.await;

/**
 * The far side of both channels, real and local: GreenMail's SMTP server and an HTTP endpoint standing in for an SMS
 * gateway (it answers 500 to the numbers in {@link #failing}, 422 to those in {@link #refusing}).
 */
public final class Far implements AutoCloseable {

    final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    public final List<JsonObject> sms = new CopyOnWriteArrayList<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    public final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final HttpServer http;

    public Far(Vertx vertx) {
        smtp.start();
        http = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject message = body.toJsonObject();
            String to = message.getString("to");
            int status = failing.contains(to) ? 500 : refusing.contains(to) ? 422 : 200;
            if (status == 200) {
                sms.add(message);
            }
            request.response().setStatusCode(status).end(status == 200 ? "{\"accepted\":true}" : "{\"error\":\"no\"}");
        })).listen(0, "127.0.0.1"));
    }

    /** Settings that point both channels here. */
    public JsonObject settings() {
        return new JsonObject().put("notify", new JsonObject()
                .put("email", new JsonObject().put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort())
                        .put("starttls", "disabled").put("from", "hotline@water.example"))
                .put("sms", new JsonObject().put("url", "http://127.0.0.1:" + http.actualPort() + "/sms")));
    }

    public List<MimeMessage> mails() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    static String messageId(MimeMessage mail) {
        try {
            return mail.getHeader("Message-ID")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
        http.close();
    }
}
