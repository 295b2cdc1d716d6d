package hotline.console.internal.admin;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.console.internal.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorTest {

    @Test
    @DisplayName("a broken rule is a 422 on its field, in the viewer's words; each password rule has its own message")
    void invalidInput() {
        assertThat(FieldError.of(new InvalidInputException("username", "must be 3 to 32 characters"), Lang.ZH))
                .hasValue(new FieldError("username", Lang.ZH.message("admin.error.username"), 422));
        assertThat(FieldError.of(new InvalidInputException("password", "must be at least 8 characters"), Lang.EN)
                .orElseThrow().message()).isEqualTo(Lang.EN.message("admin.error.password.length"));
        assertThat(FieldError.of(new InvalidInputException("password", "must not contain the user's name"), Lang.EN)
                .orElseThrow().message()).isEqualTo(Lang.EN.message("admin.error.password.name"));
        assertThat(FieldError.of(new InvalidInputException("password", "is too easy to guess (common)"), Lang.ZH)
                .orElseThrow().message()).contains("太容易被猜到");
    }

    @Test
    @DisplayName("a field without a message of its own gets the generic text with the server's words")
    void generic() {
        FieldError error = FieldError.of(new InvalidInputException("notes", "must be at most 2000 characters"), Lang.EN)
                .orElseThrow();

        assertThat(error.message()).isEqualTo(Lang.EN.message("error.422") + ": must be at most 2000 characters");
        assertThat(error.asMap()).containsOnlyKeys("notes");
    }

    @Test
    @DisplayName("a clash is a 409 on its field: a taken name or phone, or the last admin")
    void conflict() {
        assertThat(FieldError.of(new ConflictException("the phone is another user's", Map.of("field", "phoneInterface")),
                Lang.ZH)).hasValue(new FieldError("phoneInterface", Lang.ZH.message("admin.error.phoneInterface.taken"), 409));
        assertThat(FieldError.of(new ConflictException("no active admin would remain", Map.of("field", "active")),
                Lang.EN).orElseThrow().message()).isEqualTo(Lang.EN.message("admin.error.lastAdmin"));
    }

    @Test
    @DisplayName("a failure that is not the input's fault is left to the error page")
    void notInput() {
        assertThat(FieldError.of(new NotFoundException("no user 9"), Lang.ZH)).isEmpty();
        assertThat(FieldError.of(new IllegalStateException("boom"), Lang.ZH)).isEmpty();
    }
}
