package hotline.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enumeration whose values travel as lower-case codes (JSON, SQL, CSV, configuration): {@code WALK_IN} is
 * {@code "walk_in"}. Implemented by the domain enums so parsing and listing the allowed values is written once.
 */
public interface Code {

    String name();

    /** The value as it is written outside Java. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named by {@code code}, or empty when no value has that code. */
    static <E extends Enum<E> & Code> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Every code of {@code type}, in declaration order, for error messages and the API contract. */
    static <E extends Enum<E> & Code> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Code::code).toList();
    }
}
