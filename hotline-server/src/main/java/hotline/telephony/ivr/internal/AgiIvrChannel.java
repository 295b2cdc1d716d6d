package hotline.telephony.ivr.internal;

import io.micrometer.core.instrument.Timer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SayDateTimeCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.asteriskjava.fastagi.command.SayNumberCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IvrChannel} over an Asterisk-Java FastAGI channel. Asterisk reports a hang-up as {@code result=-1}, as the
 * {@code HANGUP} line (which Asterisk-Java folds into the next reply), as 511 on a dead channel (Asterisk-Java throws
 * AgiHangupException) or as a closed socket; all of them become {@link CallerHungUpException}. But GET DATA and STREAM
 * FILE also answer {@code result=-1} for a sound Asterisk cannot play (a missing or misnamed file): then the channel is
 * asked for its state, which a live channel answers and a dead one refuses with 511, and an unplayable prompt is logged
 * at WARN with its name while the call goes on without it. Each command's round trip is timed. Used by the one
 * virtual thread of its call.
 */
public final class AgiIvrChannel implements IvrChannel {

    private static final Logger log = LoggerFactory.getLogger(AgiIvrChannel.class);
    /** AGI's {@code result=-1}: the channel hung up during the command, or the sound could not be played. */
    private static final int FAILED = -1;

    private final AgiRequest request;
    private final AgiChannel channel;
    private final Timer roundTrips;

    public AgiIvrChannel(AgiRequest request, AgiChannel channel, Timer roundTrips) {
        this.request = request;
        this.channel = channel;
        this.roundTrips = roundTrips;
    }

    @Override
    public String uniqueid() {
        return request.getUniqueId();
    }

    @Override
    public String callerId() {
        String number = request.getCallerIdNumber();
        // Asterisk sends "unknown" for a withheld or absent number.
        return number == null || number.isBlank() || number.equalsIgnoreCase("unknown") ? null : number;
    }

    @Override
    public String getData(String sound, int timeoutMs, int maxDigits) {
        AgiReply reply = send(new GetDataCommand(sound, timeoutMs, maxDigits));
        String result = reply.getResult();
        if (result == null) {
            return "";
        }
        if (result.equals("-1")) {
            unplayable(sound);
            return "";
        }
        return result.trim();
    }

    @Override
    public void play(String sound) {
        if (send(new StreamFileCommand(sound, "")).getResultCode() == FAILED) {
            unplayable(sound);
        }
    }

    /** Asterisk skips a digit whose sound is missing without a word, so {@code result=-1} here is a hang-up. */
    @Override
    public void sayDigits(String digits) {
        if (send(new SayDigitsCommand(digits, "")).getResultCode() == FAILED) {
            throw new CallerHungUpException();
        }
    }

    @Override
    public String language() {
        return request.getLanguage() == null ? "" : request.getLanguage();
    }

    /** Like SAY DIGITS, {@code result=-1} is a hang-up: a missing number sound is skipped in silence. */
    @Override
    public void sayNumber(long number) {
        if (send(new SayNumberCommand(Long.toString(number), "")).getResultCode() == FAILED) {
            throw new CallerHungUpException();
        }
    }

    @Override
    public void sayDateTime(long epochSecond, String format) {
        if (send(new SayDateTimeCommand(epochSecond, "", format, "UTC")).getResultCode() == FAILED) {
            throw new CallerHungUpException();
        }
    }

    @Override
    public void setVariable(String name, String value) {
        send(new SetVariableCommand(name, value));
    }

    @Override
    public void hangup() {
        send(new HangupCommand());
    }

    /** After {@code result=-1}: throws {@link CallerHungUpException} if the caller is gone, else logs the sound. */
    private void unplayable(String sound) {
        send(new ChannelStatusCommand());
        log.warn("IVR prompt '{}' ({}) could not be played on call {}: Asterisk has no such sound; the call goes on "
                + "without it", sound, request.getLanguage(), request.getUniqueId());
    }

    private AgiReply send(AgiCommand command) {
        long start = System.nanoTime();
        try {
            return channel.sendCommand(command);
        } catch (AgiException e) {
            throw new CallerHungUpException();
        } finally {
            roundTrips.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
