package hotline.console.internal.notices;

import hotline.auth.Role;
import hotline.common.InvalidInputException;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.notify.ContactBook;
import hotline.notify.ContactPreferences;
import hotline.notify.DeliveryLog;
import hotline.notify.NoticeRecord;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The notices blocks of the agent's pages, fetched by the pages they sit in: {@code /customers/{id}/notices} (the
 * customer's contact preferences as a form, and the newest notices with each channel's status) with its form
 * {@code POST /customers/{id}/notices/contact}, and {@code /tickets/{id}/notices} (what the ticket's customer was told
 * about it, for the ticket's timeline). Every role.
 */
public final class NoticePages implements Handler<Router> {

    static final int RECENT = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PageKit kit;
    private final ContactBook contacts;
    private final DeliveryLog log;
    private final ZoneId zone;

    public NoticePages(PageKit kit, ContactBook contacts, DeliveryLog log, ZoneId zone) {
        this.kit = kit;
        this.contacts = contacts;
        this.log = log;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> agent = kit.only(Role.AGENT);
        kit.page(router.getWithRegex("/customers/(?<id>[0-9]{1,18})/notices"), agent, this::customer);
        kit.page(router.postWithRegex("/customers/(?<id>[0-9]{1,18})/notices/contact"), kit.forms(), agent, this::save);
        kit.page(router.getWithRegex("/tickets/(?<id>[0-9]{1,18})/notices"), agent, this::ticket);
    }

    private void customer(RoutingContext ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        contacts.get(id).onFailure(ctx::fail).onSuccess(found -> render(ctx, found, Map.of()));
    }

    private void save(RoutingContext ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        JsonObject form = new JsonObject().put("email", ctx.request().getFormAttribute("email"))
                .put("language", ctx.request().getFormAttribute("language"))
                .put("smsOptOut", ctx.request().getFormAttribute("smsOptOut") != null)
                .put("emailOptOut", ctx.request().getFormAttribute("emailOptOut") != null);
        Future<ContactPreferences> saved;
        try {
            saved = contacts.save(ContactBook.parse(id, form), Viewer.of(ctx).principal());
        } catch (InvalidInputException invalid) {
            ctx.response().setStatusCode(422);
            contacts.get(id).onFailure(ctx::fail).onSuccess(found -> render(ctx, typed(id, form, found),
                    Map.of("error", invalid.field())));
            return;
        }
        saved.onFailure(ctx::fail).onSuccess(stored -> render(ctx, stored, Map.of("saved", true)));
    }

    /** What the agent typed, shown again beside the error (the stored address when the form had none). */
    private static ContactPreferences typed(long id, JsonObject form, ContactPreferences stored) {
        String language = form.getString("language");
        return new ContactPreferences(id, form.getString("email", stored.email()),
                "en".equals(language) ? hotline.notify.Language.EN : stored.language(),
                form.getBoolean("smsOptOut"), form.getBoolean("emailOptOut"));
    }

    private void render(RoutingContext ctx, ContactPreferences preferences, Map<String, Object> extra) {
        log.ofCustomer(preferences.customerId(), RECENT).onFailure(ctx::fail).onSuccess(notices -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("contact", Map.of("customerId", preferences.customerId(),
                    "email", preferences.email() == null ? "" : preferences.email(),
                    "language", preferences.language().code(), "smsOptOut", preferences.smsOptOut(),
                    "emailOptOut", preferences.emailOptOut()));
            model.put("notices", rows(notices));
            model.putAll(extra);
            kit.render(ctx, "notices/customer.ftlh", model);
        });
    }

    private void ticket(RoutingContext ctx) {
        log.ofTicket(Long.parseLong(ctx.pathParam("id"))).onFailure(ctx::fail).onSuccess(notices -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("notices", rows(notices));
            kit.render(ctx, "notices/ticket.ftlh", model);
        });
    }

    private List<Map<String, Object>> rows(List<NoticeRecord> notices) {
        return notices.stream().map(notice -> {
            Map<String, Object> row = new HashMap<>();
            row.put("kind", notice.kind().code());
            row.put("number", notice.ticketNumber() == null ? "" : notice.ticketNumber());
            row.put("at", notice.createdAt().toString());
            row.put("atText", text(notice.createdAt()));
            row.put("planned", notice.planned());
            row.put("deliveries", notice.deliveries().stream().map(d -> {
                Map<String, Object> delivery = new HashMap<>();
                delivery.put("channel", d.channel().code());
                delivery.put("address", d.address() == null ? "" : d.address());
                delivery.put("status", d.sending() ? "sending" : d.status().code());
                delivery.put("attempts", d.attempts());
                delivery.put("error", d.error() == null ? "" : d.error());
                delivery.put("next", d.nextAttemptAt() == null ? "" : text(d.nextAttemptAt()));
                delivery.put("sent", d.sentAt() == null ? "" : text(d.sentAt()));
                return delivery;
            }).toList());
            return row;
        }).toList();
    }

    private String text(Instant at) {
        return WHEN.format(at.atZone(zone));
    }
}
