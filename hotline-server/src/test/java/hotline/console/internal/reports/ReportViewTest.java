package hotline.console.internal.reports;

import hotline.console.internal.Lang;
import hotline.reports.Figures;
import hotline.reports.ReportRequest;
import hotline.reports.ReportTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportViewTest {

    private static final Map<String, String> LABELS = Map.of("slow", "处理太慢", "other", "其他");

    private static ReportTable visits(String by) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("slow", 2L);
        reasons.put("other", 0L);
        ReportRequest request = ReportRequest.parse("visits", "2026-11-01", "2026-11-30", "month", by);
        List<String> measures = new java.util.ArrayList<>(request.report().measures());
        measures.addAll(List.of("reason.slow", "reason.other"));
        return new ReportTable(request, Instant.EPOCH, measures, List.of(
                new ReportTable.Row(LocalDate.parse("2026-11-01"), by == null ? "" : "complaint", null,
                        new Figures.Visits(10, 8, 2, 5, 2, reasons))));
    }

    @Test
    @DisplayName("the visit report's table: a column per reason labelled from the programme, counts whole, the rate as a percentage")
    void visitTable() {
        ReportView.Table table = ReportView.table(visits(null), Lang.ZH, LABELS::get);

        assertThat(table.header()).containsExactly("期间", "已回访", "接通量", "联系不上", "满意", "不满意", "满意率",
                "不满意原因：处理太慢", "不满意原因：其他");
        assertThat(table.rows()).containsExactly(List.of("2026-11", "10", "8", "2", "5", "2", "62.5%", "2", "0"));
    }

    @Test
    @DisplayName("in total the chart draws satisfied, dissatisfied and unreachable as three series; grouped, the first of them per key")
    void visitChart() {
        JsonObject total = ReportView.chart(visits(null), Lang.EN);
        assertThat(total.getString("kind")).isEqualTo("bar");
        assertThat(total.getJsonArray("datasets").stream().map(set -> ((JsonObject) set).getString("label")))
                .containsExactly("Satisfied", "Dissatisfied", "Unreachable");
        assertThat(((JsonObject) total.getJsonArray("datasets").getValue(2)).getJsonArray("data"))
                .isEqualTo(new JsonArray().add(2L));

        JsonObject byType = ReportView.chart(visits("type"), Lang.EN);
        assertThat(byType.getString("title")).isEqualTo("Satisfied");
        assertThat(byType.getJsonArray("datasets")).hasSize(1);
    }
}
