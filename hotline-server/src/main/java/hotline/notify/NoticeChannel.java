package hotline.notify;

import hotline.common.Code;

/** How a notice reaches a customer: a text message to their mobile number, or an e-mail. */
public enum NoticeChannel implements Code {
    SMS, EMAIL
}
