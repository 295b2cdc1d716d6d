package hotline.customer;

import hotline.common.Code;

/** Why a customer is a critical facility (重点保障用户), whose supply outranks its tier for repairs. */
public enum CriticalReason implements Code {
    HOSPITAL, SCHOOL, HOME_DIALYSIS, FIRE_SERVICE, CARE_HOME, WATER_PLANT, OTHER
}
