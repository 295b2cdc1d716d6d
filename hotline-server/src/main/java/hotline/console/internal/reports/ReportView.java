package hotline.console.internal.reports;

import hotline.console.internal.Lang;
import hotline.reports.Figures;
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
import java.util.function.Function;

/**
 * A report as people read it, in the viewer's language: the table (header and cell texts, the same on the page and in
 * the CSV) and the chart's data (the report's headline measure per period, one series per key).
 */
final class ReportView {

    /**
     * The measures each report's chart shows: in total one series per measure; grouped, the first measure per key.
     */
    private static final Map<Report, List<String>> CHARTED = Map.of(Report.TICKETS, List.of("tickets"),
            Report.CALLS, List.of("offered"), Report.FCR, List.of("fcrRate"), Report.SLA, List.of("compliance"),
            Report.SATISFACTION, List.of("csat"), Report.COMPLAINTS, List.of("perThousand"),
            Report.VISITS, List.of("satisfied", "dissatisfied", "unreachable"),
            Report.SATISFACTION_TREND, List.of("overall", "speed", "attitude", "result"),
            Report.REPEAT_CONTACTS, List.of("repeatRate"), Report.AT_RISK, List.of("atRisk"));
    private static final Set<String> PERCENT = Set.of("serviceLevel", "fcrRate", "compliance", "csat", "satisfiedRate",
            "repeatRate");
    private static final Set<String> DECIMAL = Set.of("asa", "aht", "average", "perThousand", "overall", "speed",
            "attitude", "result");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    record Table(List<String> header, List<List<String>> rows) {
    }

    private ReportView() {
    }

    /** @param reasons the label of a dissatisfaction reason code in the viewer's language (the visits report) */
    static Table table(ReportTable report, Lang lang, Function<String, String> reasons) {
        Grouping by = report.request().by();
        List<String> header = new ArrayList<>();
        header.add(lang.message("reports.column.period"));
        if (by != Grouping.TOTAL) {
            header.add(lang.message("reports.by." + by.code()));
        }
        report.measures().forEach(measure -> header.add(measure.startsWith(Figures.REASON)
                ? lang.message("reports.measure.reason").replace("{0}",
                        reasons.apply(measure.substring(Figures.REASON.length())))
                : lang.message("reports.measure." + measure)));
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

    /**
     * Chart.js data: periods as labels, and a series per charted measure (in total) or per key of the first one
     * (grouped); percentages as 0–100.
     */
    static JsonObject chart(ReportTable report, Lang lang) {
        List<String> measures = CHARTED.get(report.request().report());
        boolean total = report.request().by() == Grouping.TOTAL;
        String measure = measures.getFirst();
        Set<LocalDate> periods = new TreeSet<>();
        Map<String, Map<LocalDate, Number>> series = new LinkedHashMap<>();
        for (ReportTable.Row row : report.rows()) {
            periods.add(row.period());
            for (String charted : total ? measures : List.of(measure)) {
                Number value = row.figures().values().get(charted);
                String label = total && measures.size() > 1 ? lang.message("reports.measure." + charted)
                        : key(report.request().by(), row, lang);
                series.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(row.period(), value == null ? null
                        : PERCENT.contains(charted) ? value.doubleValue() * 100 : value);
            }
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
        String title = total && measures.size() > 1 ? lang.message("reports.chart." + report.request().report().code())
                : lang.message("reports.measure." + measure);
        return new JsonObject().put("kind", ratio ? "line" : "bar").put("percent", PERCENT.contains(measure))
                .put("title", title).put("labels", labels).put("datasets", datasets);
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
