package hotline.reports;

import hotline.common.Code;
import hotline.common.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One report to read: which, the days {@code from} to {@code to} (both included, local days of the utility), cut by
 * {@code interval} and split by {@code by}. The constructor refuses, naming the field, a period that ends before it
 * starts, one longer than the interval allows, and a grouping the report does not have.
 */
public record ReportRequest(Report report, LocalDate from, LocalDate to, Interval interval, Grouping by) {

    public ReportRequest {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (days(from, to) > interval.maxDays()) {
            throw new InvalidInputException("to", "a report by " + interval.code() + " covers at most "
                    + interval.maxDays() + " days; " + from + " to " + to + " is " + days(from, to));
        }
        if (!report.groupings().contains(by)) {
            throw new InvalidInputException("by", "the " + report.code() + " report is grouped by one of "
                    + report.groupings().stream().map(Code::code).toList() + ", not " + by.code());
        }
    }

    /**
     * The request as the API and the page spell it; {@code interval} defaults to day, {@code by} to the report's
     * first grouping. Unknown codes and malformed dates are refused naming the parameter.
     */
    public static ReportRequest parse(String report, String from, String to, String interval, String by) {
        Report which = code(Report.class, "report", report);
        return new ReportRequest(which, date("from", from), date("to", to),
                interval == null ? Interval.DAY : code(Interval.class, "interval", interval),
                by == null ? which.groupings().getFirst() : code(Grouping.class, "by", by));
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is required (a day such as 2026-11-01)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a day such as 2026-11-01");
        }
    }

    private static <E extends Enum<E> & Code> E code(Class<E> type, String field, String text) {
        return Code.parse(type, text).orElseThrow(() -> new InvalidInputException(field, field + " must be one of "
                + Code.codes(type)));
    }
}
