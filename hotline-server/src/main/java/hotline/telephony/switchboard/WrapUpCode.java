package hotline.telephony.switchboard;

import hotline.common.Code;

/** The disposition code (小结代码) an agent gives an answered call in the wrap-up. */
public enum WrapUpCode implements Code {
    RESOLVED, TICKET_CREATED, TICKET_UPDATED, INFORMATION_GIVEN, TRANSFERRED, CALLBACK_PROMISED, WRONG_NUMBER,
    NUISANCE, OTHER
}
