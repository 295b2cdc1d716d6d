package hotline.billing;

/**
 * The billing system gave no usable answer: it did not answer in time, answered with an error, sent something that
 * does not parse (the message names the field), or the circuit breaker holds calls back after too many failures.
 * The message says which, in plain words, and carries no secret.
 */
public final class BillingUnavailableException extends RuntimeException {

    public BillingUnavailableException(String message) {
        super(message, null, false, false);
    }
}
