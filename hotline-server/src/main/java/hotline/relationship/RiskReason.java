package hotline.relationship;

import hotline.common.Code;

/** Why a customer is on the at-risk list: the score is low, a recent return visit answered 1 or 2, or a key customer has a complaint open. */
public enum RiskReason implements Code {
    LOW_SCORE, BAD_FOLLOW_UP, KEY_OPEN_COMPLAINT
}
