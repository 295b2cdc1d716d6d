package hotline.auth;

/** The user behind a request, as the services see it. {@code name} is what events record as the actor. */
public record Principal(long id, String username, String displayName, Role role) {

    /** The actor for changes the system makes by itself (scheduler, IVR); id 0 is no user row. */
    public static Principal system(String name) {
        return new Principal(0, name, name, Role.ADMIN);
    }

    public boolean isSystem() {
        return id == 0;
    }
}
