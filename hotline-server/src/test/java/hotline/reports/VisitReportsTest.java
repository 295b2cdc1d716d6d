package hotline.reports;

import hotline.testing.WorkflowFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The visit report and the satisfaction trend by indicator against figures worked out by hand from eight return calls
 * written straight into the follow-ups (local times in Shanghai; the first is 00:30 on Sunday 1 November, which is
 * November by month but the week of Monday 26 October).
 */
class VisitReportsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> REASONS = List.of("slow", "rude", "not_fixed", "repeat_fault", "billing_error", "other");

    private static WorkflowFixture fixture;
    private static ReportService reports;

    @BeforeAll
    static void start() {
        fixture = new WorkflowFixture(Instant.parse("2026-12-01T00:00:00Z"), new JsonObject());
        reports = new ReportService(fixture.pool, fixture.clock, SHANGHAI, REASONS);
        fixture.query("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                + "VALUES ('wang', 'Wang Li', 'agent', 'x', now())");
        visit("2026-11-01T00:30", "complaint", "complaint", "XH", "wang", "answered", 5, 5, 4, 5);            // A
        visit("2026-11-03T10:00", "complaint", "complaint", "XH", "wang", "answered", 2, 1, 3, 2, "slow", "not_fixed"); // B
        visit("2026-11-03T11:00", "repair", "repair", "DC", "li", "answered", 1, 1, 1, 1, "not_fixed");       // C
        visit("2026-11-04T12:00", "repair", "repair", "DC", "li", "unreachable", null, null, null, null);    // D
        visit("2026-11-10T09:00", "proactive", null, "XH", "", "answered", 3, null, null, null);             // E: overall only
        visit("2026-11-10T10:00", "complaint", "complaint", "XH", "li", "answered", 4, 4, 4, 4);             // F
        visit("2026-11-11T10:00", "complaint", "complaint", "DC", "li", "answered", 2, 2, 2, 2, "retired");  // G: an old code
        visit("2026-10-31T23:00", "complaint", "complaint", "XH", "wang", "answered", 4, 4, 4, 4);           // October
        fixture.query("INSERT INTO followups (kind, district, due_at, created_at) VALUES ('proactive', 'XH', now(), now())");
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static void visit(String localDone, String kind, String type, String district, String agent, String outcome,
                              Integer overall, Integer speed, Integer attitude, Integer result, String... reasons) {
        Instant done = LocalDateTime.parse(localDone).atZone(SHANGHAI).toInstant();
        fixture.query("""
                INSERT INTO followups (kind, ticket_type, district, agent, due_at, done_at, outcome, satisfaction,
                                       score_speed, score_attitude, score_result, reasons, attempts, created_at)
                VALUES ($1, $2, $3, $4, $5, $5, $6, $7::int, $8::int, $9::int, $10::int, $11, $12, $5)""",
                kind, type, district, agent, done.atOffset(ZoneOffset.UTC), outcome, overall, speed, attitude, result,
                reasons, "unreachable".equals(outcome) ? 3 : 0);
    }

    private static ReportTable read(String report, String interval, String by) {
        return await(reports.read(ReportRequest.parse(report, "2026-11-01", "2026-11-30", interval, by)));
    }

    private static Map<String, Map<String, Number>> byKey(ReportTable table) {
        return table.rows().stream().collect(Collectors.toMap(ReportTable.Row::key, row -> row.figures().values()));
    }

    @Test
    @DisplayName("by week: done = answered + unreachable, satisfied 4–5, dissatisfied 1–2 by reason, the satisfied rate of the answered")
    void visitsByWeek() {
        ReportTable table = read("visits", "week", null);

        assertThat(table.measures()).containsExactly("done", "answered", "unreachable", "satisfied", "dissatisfied",
                "satisfiedRate", "reason.slow", "reason.rude", "reason.not_fixed", "reason.repeat_fault",
                "reason.billing_error", "reason.other", "reason.retired");
        assertThat(table.rows()).extracting(row -> row.period().toString())
                .containsExactly("2026-10-26", "2026-11-02", "2026-11-09");
        assertThat(table.rows().get(0).figures().values()).containsExactly(Map.entry("done", 1L), Map.entry("answered", 1L),
                Map.entry("unreachable", 0L), Map.entry("satisfied", 1L), Map.entry("dissatisfied", 0L),
                Map.entry("satisfiedRate", 1.0), Map.entry("reason.slow", 0L), Map.entry("reason.rude", 0L),
                Map.entry("reason.not_fixed", 0L), Map.entry("reason.repeat_fault", 0L),
                Map.entry("reason.billing_error", 0L), Map.entry("reason.other", 0L), Map.entry("reason.retired", 0L));
        assertThat(table.rows().get(1).figures().values()).containsEntry("done", 3L).containsEntry("answered", 2L)
                .containsEntry("unreachable", 1L).containsEntry("satisfied", 0L).containsEntry("dissatisfied", 2L)
                .containsEntry("satisfiedRate", 0.0).containsEntry("reason.slow", 1L)
                .containsEntry("reason.not_fixed", 2L).containsEntry("reason.retired", 0L);
        assertThat(table.rows().get(2).figures().values()).containsEntry("done", 3L).containsEntry("answered", 3L)
                .containsEntry("unreachable", 0L).containsEntry("satisfied", 1L).containsEntry("dissatisfied", 1L)
                .containsEntry("satisfiedRate", 1.0 / 3).containsEntry("reason.retired", 1L)
                .containsEntry("reason.not_fixed", 0L);
        assertThat(table.toJson().getJsonArray("measures")).hasSize(13);
    }

    @Test
    @DisplayName("by month and type: November's complaints, repairs and proactive calls; October's visit and the open call left out")
    void visitsByMonthAndType() {
        Map<String, Map<String, Number>> types = byKey(read("visits", "month", "type"));

        assertThat(types).containsOnlyKeys("complaint", "repair", "proactive");
        assertThat(types.get("complaint")).containsEntry("done", 4L).containsEntry("satisfied", 2L)
                .containsEntry("dissatisfied", 2L).containsEntry("satisfiedRate", 0.5).containsEntry("reason.slow", 1L)
                .containsEntry("reason.not_fixed", 1L).containsEntry("reason.retired", 1L);
        assertThat(types.get("repair")).containsEntry("done", 2L).containsEntry("answered", 1L)
                .containsEntry("unreachable", 1L).containsEntry("dissatisfied", 1L).containsEntry("reason.not_fixed", 1L);
        assertThat(types.get("proactive")).containsEntry("done", 1L).containsEntry("satisfied", 0L)
                .containsEntry("dissatisfied", 0L);
    }

    @Test
    @DisplayName("the trend by indicator: the overall over every answer, each other indicator over the answers that gave it")
    void trendByIndicator() {
        ReportTable table = read("satisfaction_trend", "month", null);

        assertThat(table.measures()).containsExactly("answers", "overall", "speed", "attitude", "result");
        Map<String, Number> november = table.rows().getFirst().figures().values();
        assertThat(table.rows()).hasSize(1);
        assertThat(november.get("answers")).isEqualTo(6L);                        // A B C E F G
        assertThat(november.get("overall").doubleValue()).isCloseTo(17 / 6.0, within(1e-9)); // 5+2+1+3+4+2
        assertThat(november.get("speed")).isEqualTo(13 / 5.0);                     // 5+1+1+4+2, E gave none
        assertThat(november.get("attitude")).isEqualTo(14 / 5.0);                  // 4+3+1+4+2
        assertThat(november.get("result")).isEqualTo(14 / 5.0);                    // 5+2+1+4+2
        assertThat(table.asOf()).isEqualTo(fixture.clock.instant());
    }

    @Test
    @DisplayName("the trend by agent names the agent who resolved the ticket; unreachable calls have no answer to count")
    void trendByAgent() {
        Map<String, ReportTable.Row> agents = read("satisfaction_trend", "month", "agent").rows().stream()
                .collect(Collectors.toMap(ReportTable.Row::key, row -> row));

        assertThat(agents.get("wang").label()).isEqualTo("Wang Li");
        assertThat(agents.get("wang").figures().values()).containsEntry("answers", 2L).containsEntry("overall", 3.5);
        assertThat(agents.get("li").figures().values()).containsEntry("answers", 3L).containsEntry("overall", 7 / 3.0);
        assertThat(agents.get("").figures().values()).containsEntry("answers", 1L).containsEntry("speed", null);
    }
}
