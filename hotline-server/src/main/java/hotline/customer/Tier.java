package hotline.customer;

import hotline.common.Code;

/** The customer pyramid: key customers (large consumers, institutions, VIP) on top. */
public enum Tier implements Code {
    KEY, ORDINARY, SMALL
}
