package hotline.ticket;

import hotline.common.Code;

/** Where a ticket or a change to it came from. */
public enum Channel implements Code {
    PHONE, IVR, WEB, WALK_IN
}
