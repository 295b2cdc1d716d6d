package hotline.console.internal.reports;

import hotline.console.internal.Lang;
import hotline.reports.Grouping;
import hotline.reports.Interval;
import hotline.reports.Report;
import hotline.reports.ReportTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A report as people read it, in the viewer's language: the table (header and cell texts, the same on the page and in
 * the CSV) and the chart's data (the report's headline measure per period, one series per key).
 */
final class ReportView {

    /** The measure each report's chart shows. */
    private static final Map<Report, String> CHARTED = Map.of(Report.TICKETS, "tickets", Report.CALLS, "offered",
            Report.FCR, "fcrRate", Report.SLA, "compliance", Report.SATISFACTION, "csat",
            Report.COMPLAINTS, "perThousand", Report.REPEAT_CONTACTS, "repeatRate", Report.AT_RISK, "atRisk");
    private static final Set<String> PERCENT = Set.of("serviceLevel", "fcrRate", "compliance", "csat", "repeatRate");
    private static final Set<String> DECIMAL = Set.of("asa", "aht", "average", "perThousand");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    record Table(List<String> header, List<List<String>> rows) {
    }

    private ReportView() {
    }

    static Table table(ReportTable report, Lang lang) {
        Report which = report.request().report();
        Grouping by = report.request().by();
        List<String> header = new ArrayList<>();
        header.add(lang.message("reports.column.period"));
        if (by != Grouping.TOTAL) {
            header.add(lang.message("reports.by." + by.code()));
        }
        which.measures().forEach(measure -> header.add(lang.message("reports.measure." + measure)));
        List<List<String>> rows = new ArrayList<>();
        for (ReportTable.Row row : report.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(period(row.period(), report.request().interval()));
            if (by != Grouping.TOTAL) {
                cells.add(key(by, row, lang));
            }
            row.figures().values().forEach((measure, value) -> cells.add(cell(measure, value)));
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    /** Chart.js data: periods as labels, a series per key of the charted measure (percentages as 0–100). */
    static JsonObject chart(ReportTable report, Lang lang) {
        String measure = CHARTED.get(report.request().report());
        Set<LocalDate> periods = new TreeSet<>();
        Map<String, Map<LocalDate, Number>> series = new LinkedHashMap<>();
        for (ReportTable.Row row : report.rows()) {
            periods.add(row.period());
            Number value = row.figures().values().get(measure);
            series.computeIfAbsent(key(report.request().by(), row, lang), k -> new LinkedHashMap<>())
                    .put(row.period(), value == null ? null : PERCENT.contains(measure) ? value.doubleValue() * 100
                            : value);
        }
        JsonArray datasets = new JsonArray();
        series.forEach((label, values) -> {
            JsonArray data = new JsonArray();
            periods.forEach(period -> data.add(values.get(period)));
            datasets.add(new JsonObject().put("label", label).put("data", data));
        });
        JsonArray labels = new JsonArray();
        periods.forEach(period -> labels.add(period(period, report.request().interval())));
        boolean ratio = PERCENT.contains(measure) || DECIMAL.contains(measure);
        return new JsonObject().put("kind", ratio ? "line" : "bar").put("percent", PERCENT.contains(measure))
                .put("title", lang.message("reports.measure." + measure)).put("labels", labels)
                .put("datasets", datasets);
    }

    static String period(LocalDate start, Interval interval) {
        return interval == Interval.MONTH ? MONTH.format(start) : start.toString();
    }

    /** The row's key as the viewer reads it: a label for codes, the agent's name, a word for "none". */
    static String key(Grouping by, ReportTable.Row row, Lang lang) {
        String key = row.key();
        return switch (by) {
            case TOTAL -> lang.message("reports.total");
            case AGENT -> row.label() != null ? row.label() : key.isEmpty() ? lang.message("reports.key.none") : key;
            case DISTRICT -> key.isEmpty() ? lang.message("reports.key.none") : key;
            case TYPE -> lang.messages().getOrDefault("type." + key, lang.message("reports.type." + key));
            case CHANNEL, TIER -> lang.message(by.code() + "." + key);
        };
    }

    /** A measure's text: percentages with one decimal and a % sign, averages with one or two, counts whole. */
    static String cell(String measure, Number value) {
        if (value == null) {
            return "";
        }
        if (PERCENT.contains(measure)) {
            return String.format(Locale.ROOT, "%.1f%%", value.doubleValue() * 100);
        }
        if (DECIMAL.contains(measure)) {
            return String.format(Locale.ROOT, measure.equals("asa") || measure.equals("aht") ? "%.1f" : "%.2f",
                    value.doubleValue());
        }
        return Long.toString(value.longValue());
    }
}
