package hotline.billing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static List<Bill> bills(int... consumption) {
        List<Bill> bills = new ArrayList<>();
        for (int i = 0; i < consumption.length; i++) {
            YearMonth period = YearMonth.of(2026, 10).minusMonths(i);
            LocalDate issued = period.plusMonths(1).atDay(2);
            bills.add(new Bill(period, issued, issued.plusDays(18), BigDecimal.valueOf(consumption[i]),
                    BigDecimal.valueOf(consumption[i] * 3.5)));
        }
        return bills;
    }

    @Test
    @DisplayName("only the part of the balance beyond the bills still within their due date is overdue")
    void overdue() {
        // the October bill (35.00) is due on 2026-11-20, today: not overdue yet
        Statement statement = new Statement("8800010000", new BigDecimal("70.00"), null, bills(10, 10, 10),
                List.of(), List.of(), java.time.Instant.EPOCH);

        assertThat(statement.overdue(TODAY)).isEqualByComparingTo("35.00");
        assertThat(statement.overdue(TODAY.minusDays(60))).isEqualByComparingTo("0");
        assertThat(new Statement("8800010000", new BigDecimal("-5.00"), null, bills(10), List.of(), List.of(),
                java.time.Instant.EPOCH).overdue(TODAY)).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("a month above the factor times the account's own average is a jump; at the factor it is not")
    void jump() {
        assertThat(ConsumptionJump.of(bills(41, 10, 10, 10, 10), 400)).hasValueSatisfying(jump -> {
            assertThat(jump.average()).isEqualByComparingTo("10");
            assertThat(jump.ratio()).isEqualByComparingTo("4.1");
            assertThat(jump.bill().period()).isEqualTo(YearMonth.of(2026, 10));
        });
        assertThat(ConsumptionJump.of(bills(40, 10, 10, 10, 10), 400)).isEmpty();
    }

    @Test
    @DisplayName("with fewer than three earlier bills or none used before, there is no average to jump from")
    void noJumpWithoutHistory() {
        assertThat(ConsumptionJump.of(bills(90, 10, 10), 200)).isEmpty();
        assertThat(ConsumptionJump.of(bills(90, 0, 0, 0), 200)).isEmpty();
    }

    @Test
    @DisplayName("a statement keeps the latest twelve of each, newest first, whatever order they came in")
    void latestTwelve() {
        List<Bill> many = new ArrayList<>(bills(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        java.util.Collections.reverse(many);

        Statement statement = new Statement("8800010000", BigDecimal.ZERO, null, many, List.of(), List.of(),
                java.time.Instant.EPOCH);

        assertThat(statement.bills()).hasSize(12);
        assertThat(statement.bills().getFirst().consumption()).isEqualByComparingTo("1");
    }
}
