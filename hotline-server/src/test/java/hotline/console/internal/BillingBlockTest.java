package hotline.console.internal;

import hotline.billing.BillingAnswer;
import hotline.billing.BillingService;
import hotline.billing.FakeCis;
import hotline.billing.Statement;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing block drawn from each kind of answer, as the card and the customer page show it. */
class BillingBlockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC);
    /** Only the rules and the clock of the service are used here: no source behind it. */
    private static final BillingService BILLING = new BillingService(null, null, null, 200, Duration.ofMillis(300),
            CLOCK, SHANGHAI);
    private static final BillingBlocks BLOCKS = new BillingBlocks(BILLING, SHANGHAI);
    private final Templates templates = new Templates();

    private String render(BillingAnswer answer, boolean compact, Lang lang) {
        return render(BLOCKS.json(answer), compact, lang);
    }

    private String render(JsonObject billing, boolean compact, Lang lang) {
        Map<String, Object> model = Viewer.anonymousModel(lang, new Assets());
        model.put("billing", Models.plain(billing));
        model.put("customerId", 7L);
        model.put("compact", compact);
        return templates.render("fragments/billing.ftlh", model);
    }

    private static Statement withLatest(String balance, int latestConsumption) {
        Statement year = FakeCis.year("8800010000", balance, LocalDate.of(2026, 11, 20));
        var bills = new java.util.ArrayList<>(year.bills());
        var latest = bills.getFirst();
        bills.set(0, new hotline.billing.Bill(latest.period(), latest.issuedOn(), latest.dueOn(),
                java.math.BigDecimal.valueOf(latestConsumption).setScale(2), latest.amount()));
        return new Statement(year.accountNumber(), year.balance(), year.nextReadingOn(), bills, year.payments(),
                year.readings(), year.asOf());
    }

    @Test
    @DisplayName("a known account shows balance, overdue amount with its word, twelve bars and the keys of the card")
    void known() {
        // 98.00 owed: the October bill (49.00) is due 2026-11-20, so 49.00 is overdue
        String html = render(new BillingAnswer.Known(withLatest("98.00", 14), CLOCK.instant()), true, Lang.ZH);

        assertThat(html).contains("¥98.00", "欠费 ¥49.00", "截至 11-20 10:00", "data-key=\"B\"", "2026-10");
        assertThat(html.split("<rect", -1)).hasSize(13);
        assertThat(html).doesNotContain("疑似表后漏水", "class=\"bar jump\"");
    }

    @Test
    @DisplayName("a fourfold month is flagged as a possible leak after the meter, its bar marked, with the L key on the card")
    void leak() {
        String html = render(new BillingAnswer.Known(withLatest("0.00", 56), CLOCK.instant()), true, Lang.EN);

        assertThat(html).contains("Possible leak after the meter", "56.00 m³ in 2026-10", "4.0 × the account&#39;s own average of 14.00 m³",
                "class=\"bar jump\"", "data-key=\"L\"");
        assertThat(html).doesNotContain("Overdue");
        assertThat(render(new BillingAnswer.Known(withLatest("0.00", 56), CLOCK.instant()), false, Lang.EN))
                .doesNotContain("data-key");
    }

    @Test
    @DisplayName("billing down says so with the time of the last good answer, and marks its figures as old")
    void unavailable() {
        BillingAnswer.Known before = new BillingAnswer.Known(withLatest("98.00", 14), Instant.parse("2026-11-20T05:42:00Z"));

        String html = render(new BillingAnswer.Unavailable("the billing system answered HTTP 503", before), true, Lang.ZH);

        assertThat(html).contains("账务系统不可用", "最后一次成功查询 11-20 13:42", "旧数据", "¥98.00");
        assertThat(render(new BillingAnswer.Unavailable("down", null), true, Lang.EN))
                .contains("Billing unavailable", "no billing figures this time").doesNotContain("¥");
    }

    @Test
    @DisplayName("a card that could not wait fetches its billing by itself; an unknown account says so")
    void pendingAndUnknown() {
        assertThat(render(new JsonObject().put("status", "pending"), true, Lang.ZH))
                .contains("hx-get=\"/customers/7/billing?in=card\"", "hx-trigger=\"load\"");
        assertThat(render(new BillingAnswer.Unknown("8800010000"), false, Lang.EN))
                .contains("The billing system has no such account");
    }
}
