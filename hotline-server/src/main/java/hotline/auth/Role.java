package hotline.auth;

import hotline.common.Code;

/** What a user may do; each role includes the rights of the ones before it. */
public enum Role implements Code {
    AGENT, SUPERVISOR, ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
