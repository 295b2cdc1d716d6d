package hotline.telephony.callback;

import hotline.common.Code;

/**
 * Where a callback stands: {@code requested} (waiting for a free agent, also after a failed attempt that will be
 * retried), {@code dialling} (claimed by one dialler, Originate sent), {@code connected} (the agent's phone answered
 * and the customer is being dialled), {@code failed} (attempts used up), {@code cancelled}.
 */
public enum CallbackStatus implements Code {
    REQUESTED, DIALLING, CONNECTED, FAILED, CANCELLED
}
