package hotline.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The demo's billing ledger: the CIS export a utility would send for the demo customers, twelve months of monthly
 * bills (priced by water use, a little higher in summer), payments, meter readings on the 25th and the next reading
 * day. Every ninth customer had one reading estimated; every seventeenth has left its last two bills unpaid
 * (overdue); one household ({@link #LEAK_ACCOUNT}) saw its consumption jump fourfold last month, the sign of a leak
 * after the meter, and has not paid since. Deterministic for a given day.
 */
public final class DemoBilling {

    /** The household whose last bill jumped: the demo's "possible leak after the meter". */
    public static final String LEAK_ACCOUNT = DemoData.account(1);
    static final String HEADER = "record,accountNumber,balance,nextReadingOn,period,issuedOn,dueOn,consumption,amount,"
            + "paidOn,method,readOn,value,estimated\n";
    private static final List<String> METHODS = List.of("wechat", "alipay", "bank", "counter");
    private static final int MONTHS = 12;

    /** One demo customer as billing sees it: account, water use and usual m³ a month. */
    record Account(int index, String accountNumber, String waterUse, int monthly) {
    }

    private final DemoText random = new DemoText(20261125L);
    private final LocalDate today;

    DemoBilling(LocalDate today) {
        this.today = today;
    }

    /** The export for {@code accounts}, as the CIS would write it. */
    String export(List<Account> accounts) {
        StringBuilder csv = new StringBuilder(HEADER);
        accounts.forEach(account -> account(account, csv));
        return csv.toString();
    }

    private void account(Account account, StringBuilder csv) {
        boolean leak = account.accountNumber().equals(LEAK_ACCOUNT);
        int unpaidFrom = leak || account.index() % 17 == 5 ? MONTHS - 2 : MONTHS;
        int estimatedMonth = account.index() % 9 == 4 ? 3 + account.index() % 6 : -1;
        BigDecimal price = price(account.waterUse());
        BigDecimal balance = BigDecimal.ZERO;
        long meter = 100 + random.nextInt(5_000);
        StringBuilder rows = new StringBuilder();
        for (int month = 0; month < MONTHS; month++) {
            YearMonth period = YearMonth.from(today).minusMonths(MONTHS - month);
            int consumption = consumption(account.monthly(), period, leak && month == MONTHS - 1);
            BigDecimal amount = price.multiply(BigDecimal.valueOf(consumption)).setScale(2, RoundingMode.HALF_UP);
            LocalDate issued = period.plusMonths(1).atDay(2);
            LocalDate paid = issued.plusDays(3 + random.nextInt(12));
            meter += consumption;
            rows.append(row("bill", account, "", "", period.toString(), issued.toString(), issued.plusDays(20).toString(),
                    Integer.toString(consumption), amount.toPlainString(), "", "", "", "", ""));
            if (month < unpaidFrom && !paid.isAfter(today)) {
                rows.append(row("payment", account, "", "", "", "", "", "", amount.toPlainString(), paid.toString(),
                        random.pick(METHODS), "", "", ""));
            } else {
                balance = balance.add(amount);
            }
            rows.append(row("reading", account, "", "", "", "", "", "", "", "", "", period.atDay(25).toString(),
                    Long.toString(meter), Boolean.toString(month == estimatedMonth)));
        }
        LocalDate nextReading = today.getDayOfMonth() < 25 ? today.withDayOfMonth(25)
                : YearMonth.from(today).plusMonths(1).atDay(25);
        csv.append(row("account", account, balance.toPlainString(), nextReading.toString(), "", "", "", "", "", "", "",
                "", "", "")).append(rows);
    }

    /** Yuan per m³, water and sewage together, by water use. */
    private static BigDecimal price(String waterUse) {
        return new BigDecimal(switch (waterUse) {
            case "commercial" -> "5.80";
            case "industrial" -> "5.20";
            case "public" -> "4.30";
            default -> "3.50";
        });
    }

    /** The usual amount, a fifth more in July and August, give or take a tenth; four times it for the leak. */
    private int consumption(int monthly, YearMonth period, boolean leaking) {
        double season = period.getMonthValue() == 7 || period.getMonthValue() == 8 ? 1.2 : 1.0;
        double noise = 0.9 + random.nextInt(21) / 100.0;
        int usual = (int) Math.round(monthly * season * noise);
        return leaking ? Math.max(20, usual * 4) : usual;
    }

    private static String row(String record, Account account, String... cells) {
        return record + "," + account.accountNumber() + "," + String.join(",", cells) + "\n";
    }
}
