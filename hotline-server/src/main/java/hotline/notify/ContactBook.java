package hotline.notify;

import hotline.auth.Principal;
import hotline.common.NotFoundException;
import hotline.notify.internal.NotifySql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.Locale;

/** Customers' contact preferences: read (defaults when never set) and changed. Thread-safe; never blocks. */
public final class ContactBook {

    private final Pool pool;
    private final Clock clock;

    public ContactBook(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The preferences of customer {@code customerId}; a {@link NotFoundException} when there is no such customer. */
    public Future<ContactPreferences> get(long customerId) {
        return exists(customerId).compose(found -> pool.preparedQuery(NotifySql.CONTACT).execute(Tuple.of(customerId)))
                .map(rows -> rows.size() == 0 ? ContactPreferences.defaults(customerId) : of(rows.iterator().next()));
    }

    /** Stores {@code preferences} (already validated) as {@code actor}'s change; answers what is stored. */
    public Future<ContactPreferences> save(ContactPreferences preferences, Principal actor) {
        return exists(preferences.customerId()).compose(found -> pool.preparedQuery(NotifySql.SAVE_CONTACT)
                        .execute(Tuple.tuple().addLong(preferences.customerId()).addString(preferences.email())
                                .addString(preferences.language().code()).addBoolean(preferences.smsOptOut())
                                .addBoolean(preferences.emailOptOut()).addString(actor.username())
                                .addValue(SqlTime.param(clock.instant()))))
                .map(rows -> of(rows.iterator().next()));
    }

    /**
     * Reads a change from the API's or a form's JSON ({@code email}, {@code language}, {@code smsOptOut},
     * {@code emailOptOut}); an {@link hotline.common.InvalidInputException} names the field that is wrong.
     */
    public static ContactPreferences parse(long customerId, JsonObject body) {
        String language = body.getValue("language") instanceof String text ? text : null;
        Language chosen = hotline.common.Code.parse(Language.class, language).orElseThrow(() ->
                new hotline.common.InvalidInputException("language", "must be one of zh, en"));
        return new ContactPreferences(customerId, ContactPreferences.requireEmail(text(body, "email")), chosen,
                flag(body, "smsOptOut"), flag(body, "emailOptOut"));
    }

    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new hotline.common.InvalidInputException(field, "must be text");
        }
        return (String) value;
    }

    private static boolean flag(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new hotline.common.InvalidInputException(field, "must be true or false");
    }

    private Future<Void> exists(long customerId) {
        return pool.preparedQuery(NotifySql.CUSTOMER_EXISTS).execute(Tuple.of(customerId)).compose(rows -> rows.size() == 0
                ? Future.failedFuture(new NotFoundException("no customer with id " + customerId))
                : Future.succeededFuture());
    }

    private static ContactPreferences of(Row row) {
        return new ContactPreferences(row.getLong("customer_id"), row.getString("email"),
                Language.valueOf(row.getString("language").toUpperCase(Locale.ROOT)), row.getBoolean("sms_opt_out"),
                row.getBoolean("email_opt_out"));
    }
}
