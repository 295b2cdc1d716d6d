package hotline.notify;

import hotline.common.Code;

/** The language a customer is told things in; Chinese unless they chose English. */
public enum Language implements Code {
    ZH, EN
}
