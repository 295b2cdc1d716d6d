package hotline.notify.internal;

import hotline.auth.Access;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.notify.ContactBook;
import hotline.notify.ContactPreferences;
import hotline.notify.DeliveryLog;
import hotline.notify.NoticeRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** The notify operations of {@code openapi.yaml}: {@code getContactPreferences}, {@code setContactPreferences}, {@code listCustomerNotices} (any role). */
public final class NotifyRoutes implements ApiRoutes {

    private static final int DEFAULT_LIMIT = 50;

    private final ContactBook contacts;
    private final DeliveryLog log;

    public NotifyRoutes(ContactBook contacts, DeliveryLog log) {
        this.contacts = contacts;
        this.log = log;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("getContactPreferences").addHandler(this::get);
        builder.getRoute("setContactPreferences").addHandler(this::set);
        builder.getRoute("listCustomerNotices").addHandler(this::notices);
    }

    private void get(RoutingContext ctx) {
        contacts.get(Requests.pathId(ctx, "id")).onSuccess(found -> Responses.ok(ctx, found.toJson())).onFailure(ctx::fail);
    }

    private void set(RoutingContext ctx) {
        ContactPreferences change = ContactBook.parse(Requests.pathId(ctx, "id"), Requests.body(ctx));
        contacts.save(change, Access.principal(ctx)).onSuccess(saved -> Responses.ok(ctx, saved.toJson()))
                .onFailure(ctx::fail);
    }

    private void notices(RoutingContext ctx) {
        log.ofCustomer(Requests.pathId(ctx, "id"), Requests.queryInt(ctx, "limit").orElse(DEFAULT_LIMIT))
                .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("items",
                        new JsonArray(list.stream().map(NoticeRecord::toJson).toList()))))
                .onFailure(ctx::fail);
    }
}
