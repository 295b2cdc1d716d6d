package hotline.auth;

import hotline.common.InvalidInputException;

import java.util.Optional;

/**
 * What an admin changes on a user; an empty {@link Optional} leaves the field as it is. {@code phoneInterface}
 * empty means unchanged, {@code Optional.of(Optional.empty())} removes the phone. A new password must satisfy
 * the {@link PasswordPolicy}, which {@link UserService#update} applies (it knows the user's names).
 *
 * @throws InvalidInputException naming the field that breaks a rule
 */
public record UserChanges(Optional<String> displayName, Optional<Role> role, Optional<Boolean> active,
                          Optional<String> password, Optional<Optional<String>> phoneInterface) {

    public UserChanges {
        displayName = displayName.map(String::strip);
        if (displayName.isPresent() && (displayName.get().isEmpty()
                || displayName.get().length() > NewUser.MAX_DISPLAY_NAME)) {
            throw new InvalidInputException("displayName", "must be 1 to " + NewUser.MAX_DISPLAY_NAME + " characters");
        }
        if (password.isPresent() && password.get().length() > NewUser.MAX_PASSWORD) {
            throw new InvalidInputException("password", "must be at most " + NewUser.MAX_PASSWORD + " characters");
        }
        phoneInterface.flatMap(phone -> phone).ifPresent(NewUser::checkPhoneInterface);
    }

    /** Whether the change can end the user's sessions or rights (so cached sessions must be re-read). */
    public boolean revokesSessions() {
        return active.filter(value -> !value).isPresent() || password.isPresent();
    }
}
