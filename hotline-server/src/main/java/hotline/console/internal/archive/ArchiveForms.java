package hotline.console.internal.archive;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.console.internal.Lang;
import hotline.customer.CriticalReason;
import hotline.customer.CustomerKind;
import hotline.customer.Tier;
import hotline.customer.WaterUse;
import hotline.relationship.ArchiveCustomer;
import hotline.relationship.ArchiveFilter;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the archive's pages share: the filter as typed (shown back even when refused), the address that keeps it,
 * the codes of the form's choices, a customer as a table row and as a CSV row, and page numbers.
 */
final class ArchiveForms {

    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ArchiveForms() {
    }

    /** The filter's parameters as the viewer typed them ({@code values} reads one by name). */
    static Map<String, String> typed(Function<String, String> values) {
        Map<String, String> typed = new HashMap<>();
        ArchiveFilter.NAMES.forEach(name -> typed.put(name, values.apply(name) == null ? "" : values.apply(name)));
        return typed;
    }

    static Map<String, String> typed(RoutingContext ctx) {
        return typed(name -> ctx.request().getParam(name));
    }

    /** The filter's set parameters as a query string (no leading '?'; empty for no filter). */
    static String query(ArchiveFilter filter) {
        return query(filter.values());
    }

    static String query(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The choices of the form's selects. */
    static void choices(Map<String, Object> model) {
        model.put("tiers", Code.codes(Tier.class));
        model.put("waterUses", Code.codes(WaterUse.class));
        model.put("kinds", Code.codes(CustomerKind.class));
        model.put("criticals", Code.codes(CriticalReason.class));
    }

    static Map<String, Object> row(ArchiveCustomer customer, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", customer.id());
        row.put("accountNumber", customer.accountNumber());
        row.put("name", customer.name());
        row.put("address", customer.address());
        row.put("district", customer.district());
        row.put("tier", customer.tier());
        row.put("waterUse", customer.waterUse());
        row.put("kind", customer.kind());
        row.put("critical", customer.criticalReason() == null ? "" : customer.criticalReason());
        row.put("phones", String.join(" ", customer.phones()));
        row.put("created", when(customer.createdAt(), zone));
        row.put("lastContact", when(customer.lastContactAt(), zone));
        return row;
    }

    static List<String> csvHeader(Lang lang) {
        return List.of(lang.message("card.account"), lang.message("archive.column.name"),
                lang.message("customer.phones"), lang.message("card.address"), lang.message("card.district"),
                lang.message("archive.field.tier"), lang.message("archive.field.waterUse"),
                lang.message("archive.field.kind"), lang.message("archive.field.critical"),
                lang.message("archive.column.created"), lang.message("archive.column.lastContact"));
    }

    static List<String> csvRow(ArchiveCustomer customer, Lang lang, ZoneId zone) {
        return List.of(customer.accountNumber(), customer.name(), String.join(" ", customer.phones()),
                customer.address(), customer.district(), label(lang, "tier", customer.tier()),
                label(lang, "waterUse", customer.waterUse()), label(lang, "kind", customer.kind()),
                customer.criticalReason() == null ? "" : label(lang, "critical", customer.criticalReason()),
                when(customer.createdAt(), zone), when(customer.lastContactAt(), zone));
    }

    /** A code's label in the viewer's language, as {@code label.of} reads it in the templates. */
    static String label(Lang lang, String group, String code) {
        return lang.messages().getOrDefault(group + "." + code, code);
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "" : DAY_TIME.format(at.atZone(zone));
    }

    /** A page number from the address: 1 when absent; refused naming {@code field} when not a number from 1. */
    static int page(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1 && page <= 100_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, "must be a whole number from 1");
    }

    static long pages(long total, int size) {
        return Math.max(1, (total + size - 1) / size);
    }
}
