package hotline.customer;

import hotline.common.Code;

/** Water-use category of an account (用水类别). */
public enum WaterUse implements Code {
    RESIDENTIAL, COMMERCIAL, INDUSTRIAL, PUBLIC
}
