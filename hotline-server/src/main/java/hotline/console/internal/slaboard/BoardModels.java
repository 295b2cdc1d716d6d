package hotline.console.internal.slaboard;

import hotline.sla.BoardRow;
import hotline.sla.InboxItem;
import hotline.ticket.Page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What the SLA board's templates draw, made from the board's rows and the inbox's items: times as text in the
 * utility's zone next to the ISO instants the countdowns run on, owners by name. Pure.
 */
final class BoardModels {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ZoneId zone;

    BoardModels(ZoneId zone) {
        this.zone = zone;
    }

    /** The board's page: {@code rows}, {@code total}, {@code page}, {@code pages}. */
    Map<String, Object> board(Page<BoardRow> page, Owners owners) {
        Map<String, Object> board = new HashMap<>();
        board.put("rows", page.items().stream().map(row -> row(row, owners)).toList());
        board.put("total", page.total());
        board.put("page", page.page());
        board.put("pages", Math.max(1, (page.total() + page.size() - 1) / page.size()));
        return board;
    }

    private Map<String, Object> row(BoardRow row, Owners owners) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", row.ticketId());
        model.put("number", row.number());
        model.put("subject", row.subject());
        model.put("type", row.type().code());
        model.put("priority", row.priority().code());
        model.put("urgent", row.urgent());
        model.put("district", row.district());
        model.put("tier", row.tier().code());
        model.put("critical", row.criticalFacility());
        model.put("level", row.level().code());
        if (row.owner() != null) {
            model.put("owner", row.owner());
            model.put("ownerText", owners.label(row.owner()));
        }
        model.put("deadline", row.deadline());
        model.put("dueAt", row.dueAt().toString());
        model.put("dueText", text(row.dueAt()));
        model.put("state", row.state().code());
        return model;
    }

    /** One warning or escalation of "my escalations". */
    Map<String, Object> item(InboxItem item) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", item.id());
        model.put("ticketId", item.ticketId());
        model.put("number", item.number());
        model.put("subject", item.subject());
        model.put("kind", item.kind());
        model.put("level", item.level().code());
        model.put("createdText", text(item.createdAt()));
        model.put("unread", item.unread());
        if (item.deadline() != null) {
            // resolution+2 is the second further target after the resolution: labelled as the resolution's
            model.put("deadline", item.deadline().replaceFirst("\\+\\d+$", ""));
        }
        if (item.dueAt() != null) {
            model.put("dueAt", item.dueAt().toString());
            model.put("dueText", text(item.dueAt()));
        }
        if (item.reason() != null) {
            model.put("reason", item.reason());
        }
        if (!item.unread()) {
            model.put("acknowledgedText", text(item.acknowledgedAt()));
            model.put("acknowledgedBy", item.acknowledgedBy());
        }
        return model;
    }

    String text(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }
}
