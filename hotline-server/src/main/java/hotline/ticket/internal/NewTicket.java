package hotline.ticket.internal;

import hotline.auth.Principal;
import hotline.customer.PhoneNumbers;
import hotline.store.SqlTime;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketNumber;
import hotline.ticket.TicketService;
import hotline.ticket.TicketStatus;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * One ticket to create: the draft, who creates it and its idempotency key (null for none), which is the actor's own:
 * two users' equal keys are different keys.
 */
public record NewTicket(TicketDraft draft, Principal actor, String key) {

    /**
     * The parameters of {@link TicketSql#CREATE} for {@code batch}, created at {@code now}: numbered in the day
     * {@code now} falls on in {@code numberZone}.
     */
    public static Tuple parameters(List<NewTicket> batch, Instant now, ZoneId numberZone) {
        LocalDate day = LocalDate.ofInstant(now, numberZone);
        return Tuple.tuple()
                .addArrayOfString(strings(batch, NewTicket::key))
                .addArrayOfString(strings(batch, t -> t.draft.type().code()))
                .addArrayOfString(strings(batch, t -> t.draft.channel().code()))
                .addArrayOfString(strings(batch, t -> TicketStatus.initial(t.draft.type()).code()))
                .addArrayOfString(strings(batch, t -> t.draft.priority().code()))
                .addArrayOfBoolean(batch.stream().map(t -> t.draft.urgent()).toArray(Boolean[]::new))
                .addArrayOfLong(longs(batch, t -> t.draft.customerId()))
                .addArrayOfString(strings(batch, t -> t.draft.callerNumber()))
                .addArrayOfString(strings(batch, t -> t.draft.customerId() != null ? null
                        : PhoneNumbers.normalise(t.draft.callerNumber()).orElse(null)))
                .addArrayOfString(strings(batch, t -> t.draft.subject()))
                .addArrayOfString(strings(batch, t -> t.draft.description()))
                .addArrayOfString(strings(batch, t -> t.draft.location()))
                .addArrayOfString(strings(batch, t -> t.draft.district()))
                .addArrayOfString(strings(batch, t -> t.draft.category()))
                .addArrayOfString(strings(batch, t -> t.draft.details().encode()))
                .addArrayOfLong(longs(batch, t -> t.actor.isSystem() ? null : t.actor.id()))
                .addArrayOfString(strings(batch, t -> t.actor.username()))
                .addLocalDate(day)
                .addValue(SqlTime.param(now))
                .addString(TicketNumber.prefix(day))
                .addInteger(TicketNumber.MIN_SERIAL_DIGITS)
                .addString(TicketService.OUTBOX_TOPIC)
                .addArrayOfString(strings(batch, t -> t.key == null ? null : fingerprint(t.draft)));
    }

    /** What a key remembers of its request (see {@link RequestFingerprint}). */
    public static String fingerprint(TicketDraft draft) {
        return RequestFingerprint.of(draft);
    }

    private static String[] strings(List<NewTicket> batch, Function<NewTicket, String> field) {
        return batch.stream().map(field).toArray(String[]::new);
    }

    private static Long[] longs(List<NewTicket> batch, Function<NewTicket, Long> field) {
        return batch.stream().map(field).toArray(Long[]::new);
    }
}
