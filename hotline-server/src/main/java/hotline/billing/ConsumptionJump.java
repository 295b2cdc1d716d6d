package hotline.billing;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The latest bill charged far more water than the account's own average of the bills before it: a sign of a leak on
 * the customer's side of the meter (表后漏水), where the water runs through the meter unseen. {@code average} is that
 * average (m³), {@code ratio} the latest consumption over it.
 */
public record ConsumptionJump(Bill bill, BigDecimal average, BigDecimal ratio) {

    /** Fewer earlier bills than this make no average worth comparing with. */
    public static final int MIN_EARLIER_BILLS = 3;

    /**
     * The jump in {@code bills} (newest first, as a {@link Statement} keeps them) when the latest consumption exceeds
     * {@code factorPercent}% of the average of the others; empty with too few bills or an average of zero.
     */
    public static Optional<ConsumptionJump> of(List<Bill> bills, int factorPercent) {
        if (bills.size() < MIN_EARLIER_BILLS + 1) {
            return Optional.empty();
        }
        List<Bill> earlier = bills.subList(1, bills.size());
        BigDecimal average = earlier.stream().map(Bill::consumption).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(earlier.size()), 2, RoundingMode.HALF_UP);
        Bill latest = bills.getFirst();
        if (average.signum() <= 0 || latest.consumption().multiply(BigDecimal.valueOf(100))
                .compareTo(average.multiply(BigDecimal.valueOf(factorPercent))) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ConsumptionJump(latest, average,
                latest.consumption().divide(average, 1, RoundingMode.HALF_UP)));
    }

    public JsonObject toJson() {
        return new JsonObject().put("period", bill.period().toString())
                .put("consumption", bill.consumption().toPlainString()).put("average", average.toPlainString())
                .put("ratio", ratio.toPlainString());
    }
}
