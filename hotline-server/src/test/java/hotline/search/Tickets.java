package hotline.search;

import java.time.Instant;
import java.util.List;

/** Small hand-written tickets for the search tests. */
final class Tickets {

    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private Tickets() {
    }

    static SearchDocument ticket(long id, String type, String district, String subject, String description,
                                 String... events) {
        return new SearchDocument(id, number(id), type, "open", "phone", district, "ordinary",
                T0.plusSeconds(3600 * id), T0.plusSeconds(3600 * id), null, subject, description, "", List.of(events),
                "张三" + id, "ACC" + (100000 + id), List.of("1380013" + String.format("%04d", id)), "幸福路" + id + "号",
                null, null);
    }

    static SearchDocument resolved(long id, String subject, String description, String resolution, int satisfaction) {
        SearchDocument t = ticket(id, "complaint", "north", subject, description);
        return new SearchDocument(t.id(), t.number(), t.type(), "closed", t.channel(), t.district(), t.tier(),
                t.createdAt(), t.updatedAt(), t.updatedAt(), t.subject(), t.description(), t.location(), t.eventTexts(),
                t.customerName(), t.customerAccount(), t.phones(), t.customerAddress(), resolution, satisfaction);
    }

    /** A position as a feeder would record it after reading at a quiet moment with {@code xid} the next id. */
    static OutboxPosition position(long xid) {
        return new OutboxPosition(xid + ":" + xid + ":");
    }

    static SearchDocument cancelled(long id, String subject, String description) {
        SearchDocument t = ticket(id, "repair", "north", subject, description);
        return new SearchDocument(t.id(), t.number(), t.type(), "cancelled", t.channel(), t.district(), t.tier(),
                t.createdAt(), t.updatedAt(), t.updatedAt(), t.subject(), t.description(), t.location(),
                List.of("重复报修"), t.customerName(), t.customerAccount(), t.phones(), t.customerAddress(), "重复报修", null);
    }

    static String number(long id) {
        return "HL-20261101-" + String.format("%06d", id);
    }
}
