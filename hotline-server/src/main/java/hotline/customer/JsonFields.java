package hotline.customer;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of a customer's JSON with the domain's checks; every failure is an {@link InvalidInputException}
 * naming the field. A field that is absent or JSON null reads as empty.
 */
final class JsonFields {

    private final JsonObject json;

    JsonFields(JsonObject json) {
        this.json = json;
    }

    boolean has(String field) {
        return json.getValue(field) != null;
    }

    Optional<String> text(String field, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field, "must be a string");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    String requiredText(String field, int maxLength) {
        return text(field, maxLength).filter(text -> !text.isBlank())
                .orElseThrow(() -> new InvalidInputException(field, "is required"));
    }

    Optional<Boolean> bool(String field) {
        Object value = json.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidInputException(field, "must be true or false");
        }
        return Optional.ofNullable((Boolean) value);
    }

    Optional<Integer> integer(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() != ((Number) value).intValue()) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        return Optional.of(((Number) value).intValue());
    }

    /** A non-negative decimal with at most 2 decimals below 10^10 (m³/month fits NUMERIC(12,2)). */
    Optional<BigDecimal> amount(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new InvalidInputException(field, "must be a number");
        }
        BigDecimal amount = new BigDecimal(number.toString());
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0
                || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "must be between 0 and 9999999999.99 with at most 2 decimals");
        }
        // Plain form: 500, not 5E+2, in events and answers.
        return Optional.of(new BigDecimal(amount.stripTrailingZeros().toPlainString()));
    }

    <E extends Enum<E> & Code> Optional<E> code(Class<E> type, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Code.parse(type, value instanceof String text ? text : null)
                .orElseThrow(() -> new InvalidInputException(field, "must be one of " + Code.codes(type))));
    }

    <E extends Enum<E> & Code> E requiredCode(Class<E> type, String field) {
        return code(type, field).orElseThrow(() -> new InvalidInputException(field, "is required"));
    }

    /** The normalised, de-duplicated phone numbers, 1 to {@link CustomerDraft#MAX_PHONES}. */
    Optional<List<String>> phones(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidInputException(field, "must be a list of telephone numbers");
        }
        if (array.isEmpty() || array.size() > CustomerDraft.MAX_PHONES) {
            throw new InvalidInputException(field, "must hold 1 to " + CustomerDraft.MAX_PHONES + " numbers");
        }
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String raw)) {
                throw new InvalidInputException(field, "must be a list of strings");
            }
            String phone = PhoneNumbers.require(field, raw);
            if (!phones.contains(phone)) {
                phones.add(phone);
            }
        }
        return Optional.of(List.copyOf(phones));
    }
}
