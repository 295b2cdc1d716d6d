package hotline.ticket;

import hotline.common.Code;

/** Order of work; {@link #CRITICAL} first. */
public enum Priority implements Code {
    CRITICAL, HIGH, NORMAL, LOW;

    /** One step more pressing, stopping at {@link #CRITICAL}. */
    public Priority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }
}
