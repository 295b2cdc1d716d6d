package hotline.customer;

import hotline.common.Code;

public enum CustomerKind implements Code {
    INDIVIDUAL, ORGANISATION
}
