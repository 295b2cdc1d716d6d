package hotline.telephony.ivr;

import hotline.billing.BillingAnswer;
import hotline.billing.Bill;
import hotline.billing.FakeCis;
import hotline.billing.Payment;
import hotline.billing.Reading;
import hotline.billing.Statement;
import hotline.telephony.peer.AgiPeer;
import hotline.telephony.peer.AgiPeer.Caller;
import hotline.telephony.peer.AgiPeer.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IVR's information queries as Asterisk drives them: after identification, "balance and last payment" (3) and
 * "last reading" (4) read out with SAY NUMBER, SAY DIGITS and SAY DATETIME; billing down is said and an agent offered.
 */
class IvrBillingOverFastAgiTest {

    private static final FakeIvrServices services = new FakeIvrServices();
    private static final String WANG_ACCOUNT = FakeIvrServices.WANG.accountNumber();
    private static final LocalDate PAID = LocalDate.of(2026, 11, 11);
    private static final LocalDate READ = LocalDate.of(2026, 10, 25);
    private static final LocalDate NEXT = LocalDate.of(2026, 11, 25);
    private static VirtualThreadAgiServer server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        FastAgiFixture fixture = FastAgiFixture.start(List.of("ivr"), services, new FakeCallbackDesk());
        server = fixture.server();
        port = fixture.port();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void clear() {
        services.billing.clear();
    }

    /** Wang owes ¥217.50, last paid ¥49.00 on 2026-11-11; the meter was last read at 1168 m³, estimated. */
    private static BillingAnswer.Known wang(boolean estimated) {
        Statement year = FakeCis.year(WANG_ACCOUNT, "217.50", LocalDate.of(2026, 11, 20));
        Statement statement = new Statement(WANG_ACCOUNT, year.balance(), NEXT, year.bills(),
                List.of(new Payment(PAID, new BigDecimal("49.00"), "wechat"), year.payments().get(1)),
                List.of(new Reading(READ, new BigDecimal("1168.00"), estimated), year.readings().get(1)), year.asOf());
        return new BillingAnswer.Known(statement, Instant.parse("2026-11-20T06:00:00Z"));
    }

    private static long noonUtc(LocalDate day) {
        return day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    @DisplayName("a known caller pressing 3 hears the amount due in yuan and the last payment's date and amount")
    void balanceAndLastPayment() throws Exception {
        services.billing.put(WANG_ACCOUNT, wang(false));

        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "3", "timeout", "timeout"));

        assertThat(call.heard().subList(0, 12)).containsExactly("hotline/main-menu",
                "hotline/balance-due", "number:217", "hotline/point", "digits:5", "hotline/yuan",
                "hotline/last-payment-on", "datetime:" + noonUtc(PAID) + " YBd UTC",
                "hotline/payment-amount", "number:49", "hotline/yuan", "hotline/after-status");
        // byte for byte as Asterisk-Java writes them and res_agi.c reads them
        assertThat(call.commands()).contains("SAY NUMBER \"217\" \"\"", "SAY DIGITS \"5\" \"\"",
                "SAY DATETIME " + noonUtc(PAID) + " \"\" \"YBd\" \"UTC\"");
        // no command Asterisk would not know or whose arguments it would refuse
        assertThat(call.replies()).noneMatch(reply -> reply.startsWith("510") || reply.startsWith("520"));
    }

    @Test
    @DisplayName("an English caller pressing 4 hears the last reading in cubic metres, that it was estimated, and the next date")
    void lastReadingInEnglish() throws Exception {
        services.billing.put(WANG_ACCOUNT, wang(true));
        Caller english = new Caller(FakeIvrServices.WANG_PHONE, "en", Caller.of(null, "4", "timeout", "timeout").keys(),
                0, java.util.Set.of());

        Transcript call = AgiPeer.call(port, english);

        assertThat(call.heard().subList(1, 9)).containsExactly("hotline/last-reading-on",
                "datetime:" + noonUtc(READ) + " BdY UTC", "hotline/reading-value", "number:1168",
                "hotline/cubic-metres", "hotline/reading-estimated", "hotline/next-reading-on",
                "datetime:" + noonUtc(NEXT) + " BdY UTC");
    }

    @Test
    @DisplayName("nothing due is said as such, without a number")
    void nothingDue() throws Exception {
        BillingAnswer.Known known = wang(false);
        Statement paid = known.statement();
        services.billing.put(WANG_ACCOUNT, new BillingAnswer.Known(new Statement(WANG_ACCOUNT, BigDecimal.ZERO,
                paid.nextReadingOn(), paid.bills(), paid.payments(), paid.readings(), paid.asOf()), known.fetchedAt()));

        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "3", "timeout", "timeout"));

        assertThat(call.heard().get(1)).isEqualTo("hotline/balance-clear");
        assertThat(call.heard().get(2)).isEqualTo("hotline/last-payment-on");
    }

    @Test
    @DisplayName("billing down: the IVR says so, reads no stale figure, and 0 reaches an agent with the reason billing")
    void billingUnavailable() throws Exception {
        services.billing.put(WANG_ACCOUNT, new BillingAnswer.Unavailable("the billing system answered HTTP 503", wang(false)));

        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "3", "0"));

        assertThat(call.heard()).containsExactly("hotline/main-menu", "hotline/billing-unavailable");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue")
                .containsEntry("HOTLINE_REASON", "billing");
    }

    @Test
    @DisplayName("an account the billing system does not know is said so, then the caller may go back or to an agent")
    void unknownAccount() throws Exception {
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "4", "0"));

        assertThat(call.heard()).containsExactly("hotline/main-menu", "hotline/billing-unknown", "hotline/after-status");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
    }

    @Test
    @DisplayName("a caller not yet identified is asked for the account number first, then hears the balance")
    void identifiedFirst() throws Exception {
        services.billing.put(WANG_ACCOUNT, wang(false));

        // withheld number, not a customer, a callback number, then 3: the account is asked, then 3 again
        Transcript call = AgiPeer.call(port, Caller.of(null, "2", "13900001111#", "3", WANG_ACCOUNT + "#", "3",
                "timeout", "timeout"));

        assertThat(call.heard()).containsSubsequence("hotline/billing-needs-account", "hotline/enter-account",
                "hotline/main-menu", "hotline/balance-due", "number:217");
    }
}
