package hotline.notify;

import hotline.common.Code;

/**
 * Where one notice stands on one channel: {@code QUEUED} (waiting for its next attempt; an earlier attempt's error
 * may be known), {@code SENT}, {@code FAILED} (cannot be sent: no or invalid address, refused by the far side),
 * {@code GIVEN_UP} (every attempt failed), {@code SKIPPED} (the customer opted out of the channel).
 */
public enum DeliveryStatus implements Code {
    QUEUED, SENT, FAILED, GIVEN_UP, SKIPPED
}
