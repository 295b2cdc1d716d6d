package hotline.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report's answer: one row per period (the first day of each day, week or month) and key (the district, type,
 * channel, tier or agent's user name; '' for the total), in that order. {@code label} is the agent's display name,
 * null for other groupings. {@code asOf} is when the figures were counted (the roll-ups' last run, null: not yet;
 * the visit reports, read straight from the follow-ups: the moment of reading). {@code measures}: the report's
 * measures in column order, with the visit report's reasons.
 */
public record ReportTable(ReportRequest request, Instant asOf, List<String> measures, List<Row> rows) {

    public ReportTable {
        measures = List.copyOf(measures);
        rows = List.copyOf(rows);
    }

    public record Row(LocalDate period, String key, String label, Figures figures) {
    }

    public JsonObject toJson() {
        JsonArray json = new JsonArray();
        for (Row row : rows) {
            JsonObject item = new JsonObject().put("period", row.period().toString()).put("key", row.key());
            if (row.label() != null) {
                item.put("label", row.label());
            }
            row.figures().values().forEach(item::put);
            json.add(item);
        }
        return new JsonObject().put("report", request.report().code()).put("from", request.from().toString())
                .put("to", request.to().toString()).put("interval", request.interval().code())
                .put("by", request.by().code()).put("asOf", asOf == null ? null : asOf.toString())
                .put("measures", new JsonArray(measures)).put("rows", json);
    }
}
