package hotline.console.internal.admin;

import hotline.auth.Role;
import hotline.auth.User;
import hotline.common.Code;
import hotline.common.InvalidInputException;

import java.util.List;
import java.util.Locale;

/**
 * What the users list shows: users whose user name, display name or phone contains {@code q} (any case), of one
 * {@code role}, active or not; a null part lets every user through. A hotline has tens to hundreds of users, so the
 * list is read whole and filtered here.
 */
record UserFilter(String q, Role role, Boolean active) {

    static final int MAX_QUERY = 100;

    /**
     * The filter of the page's parameters: {@code q}, {@code role} (a role's code), {@code active}
     * ({@code true}/{@code false}); blank means any.
     *
     * @throws InvalidInputException naming the parameter that is not one of those
     */
    static UserFilter parse(String q, String role, String active) {
        String words = q == null ? "" : q.strip();
        if (words.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "must be at most " + MAX_QUERY + " characters");
        }
        Role parsedRole = blank(role) ? null : Code.parse(Role.class, role)
                .orElseThrow(() -> new InvalidInputException("role", "must be one of " + Code.codes(Role.class)));
        Boolean parsedActive = blank(active) ? null : switch (active) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("active", "must be true or false");
        };
        return new UserFilter(words.isEmpty() ? null : words.toLowerCase(Locale.ROOT), parsedRole, parsedActive);
    }

    boolean matches(User user) {
        return (role == null || user.role() == role)
                && (active == null || user.active() == active)
                && (q == null || contains(user.username()) || contains(user.displayName()) || contains(user.phoneInterface()));
    }

    List<User> apply(List<User> users) {
        return users.stream().filter(this::matches).toList();
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
