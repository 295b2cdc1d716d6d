package hotline.console.internal.admin;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.console.internal.Lang;

import java.util.Map;
import java.util.Optional;

/**
 * A refused input as the admin pages show it: the field it names, the message next to that field in the viewer's
 * language, and the status of the answer (422 for a broken rule, 409 for a clash such as a taken name). Messages come
 * from the bundle ({@code admin.error.<field>[.<kind>]}); for a rule without one, the generic text and the server's
 * own words.
 */
record FieldError(String field, String message, int status) {

    /** The error of {@code failure}, or empty when it is not the input's fault (then it is an error page's). */
    static Optional<FieldError> of(Throwable failure, Lang lang) {
        return switch (failure) {
            case InvalidInputException invalid -> Optional.of(new FieldError(invalid.field(),
                    text(lang, "admin.error." + invalid.field() + kind(invalid), invalid.getMessage(), "error.422"), 422));
            case ConflictException conflict -> {
                String field = String.valueOf(conflict.details().getOrDefault("field", "form"));
                String key = field.equals("role") || field.equals("active") ? "admin.error.lastAdmin"
                        : "admin.error." + field + ".taken";
                yield Optional.of(new FieldError(field, text(lang, key, conflict.getMessage(), "error.409"), 409));
            }
            default -> Optional.empty();
        };
    }

    /** As a template model: {@code errors[field]}. */
    Map<String, String> asMap() {
        return Map.of(field, message);
    }

    /** The password rule that failed, from the policy's words (its three reasons have their own message each). */
    private static String kind(InvalidInputException invalid) {
        if (!invalid.field().equals("password")) {
            return "";
        }
        String why = invalid.getMessage();
        return why.contains("at least") || why.contains("at most") ? ".length"
                : why.contains("name") ? ".name" : ".guessable";
    }

    private static String text(Lang lang, String key, String serverWords, String generic) {
        String own = lang.messages().get(key);
        return own != null ? own : lang.message(generic) + ": " + serverWords;
    }
}
