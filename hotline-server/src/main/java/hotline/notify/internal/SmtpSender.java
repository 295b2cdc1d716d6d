package hotline.notify.internal;

import hotline.config.Config;
import hotline.notify.RenderedMessage;
import hotline.notify.SendFailure;
import hotline.notify.Sender;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.Optional;

/**
 * E-mail over SMTP with Vert.x's mail client (a pool of kept-alive connections). The Message-ID is
 * {@code <notice-delivery-ID@ownHostname>}, the same on every attempt of a delivery. An SMTP reply in the 5xx range
 * (no such mailbox, refused recipient) fails the delivery for good; anything else (connection refused, 4xx) is
 * retried.
 */
public final class SmtpSender implements Sender {

    public static final String HOST = "notify.email.host";
    public static final String PORT = "notify.email.port";
    public static final String FROM = "notify.email.from";
    public static final String USERNAME = "notify.email.username";
    public static final String PASSWORD = "notify.email.password";
    /** Setting: {@code disabled}, {@code optional} (default) or {@code required}. */
    public static final String STARTTLS = "notify.email.starttls";
    public static final String SSL = "notify.email.ssl";
    public static final String POOL = "notify.email.maxPoolSize";
    public static final String OWN_HOSTNAME = "notify.email.ownHostname";

    private final MailClient client;
    private final String from;
    private final String ownHostname;

    private SmtpSender(MailClient client, String from, String ownHostname) {
        this.client = client;
        this.from = from;
        this.ownHostname = ownHostname;
    }

    /** The sender when {@value #HOST} is set; empty (e-mail off) otherwise. */
    public static Optional<Sender> configured(Vertx vertx, Config config) {
        Optional<String> host = config.string(HOST);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String ownHostname = config.string(OWN_HOSTNAME, "hotline.localdomain");
        MailConfig mail = new MailConfig().setHostname(host.get()).setPort(config.port(PORT, 25))
                .setSsl(config.bool(SSL, false))
                .setStarttls(StartTLSOptions.valueOf(config.string(STARTTLS, "optional").toUpperCase()))
                .setMaxPoolSize(config.integer(POOL, 4, 1, 64)).setKeepAlive(true).setOwnHostname(ownHostname);
        Optional<String> username = config.string(USERNAME);
        if (username.isPresent()) {
            mail.setLogin(LoginOption.REQUIRED).setUsername(username.get()).setPassword(config.string(PASSWORD, ""));
        } else {
            mail.setLogin(LoginOption.DISABLED);
        }
        return Optional.of(new SmtpSender(MailClient.create(vertx, mail),
                config.string(FROM, "hotline@" + ownHostname), ownHostname));
    }

    @Override
    public Future<Void> send(long deliveryId, String address, RenderedMessage message) {
        MailMessage mail = new MailMessage().setFrom(from).setTo(address).setSubject(message.subject())
                .setText(message.body())
                .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId(deliveryId)));
        return client.sendMail(mail).<Void>mapEmpty().recover(failure -> Future.failedFuture(
                failure instanceof SMTPException smtp && smtp.isPermanent()
                        ? new SendFailure(true, "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage())
                        : new SendFailure(false, "SMTP: " + failure.getMessage())));
    }

    /** The Message-ID of delivery {@code deliveryId}, with its angle brackets. */
    public String messageId(long deliveryId) {
        return "<notice-delivery-" + deliveryId + "@" + ownHostname + ">";
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }
}
