package hotline.billing;

import hotline.common.NotFoundException;

/** The billing system has no such account. */
public final class UnknownAccountException extends NotFoundException {

    public UnknownAccountException(String accountNumber) {
        super("the billing system has no account " + accountNumber);
    }
}
