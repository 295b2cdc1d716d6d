package hotline.telephony.ivr.internal;

import io.micrometer.core.instrument.Timer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * {@link IvrChannel} over an Asterisk-Java FastAGI channel. Asterisk reports a hang-up as {@code result=-1}, as the
 * {@code HANGUP} line (which Asterisk-Java folds into the next reply), as 511 on a dead channel (Asterisk-Java throws
 * AgiHangupException) or as a closed socket; all of them become {@link CallerHungUpException}. Each command's round
 * trip is timed. Used by the one virtual thread of its call.
 */
public final class AgiIvrChannel implements IvrChannel {

    /** AGI's {@code result=-1}: the channel hung up during the command. */
    private static final int HUNG_UP = -1;

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
            throw new CallerHungUpException();
        }
        return result.trim();
    }

    @Override
    public void play(String sound) {
        checkAlive(send(new StreamFileCommand(sound, "")));
    }

    @Override
    public void sayDigits(String digits) {
        checkAlive(send(new SayDigitsCommand(digits, "")));
    }

    @Override
    public void setVariable(String name, String value) {
        send(new SetVariableCommand(name, value));
    }

    @Override
    public void hangup() {
        send(new HangupCommand());
    }

    private static void checkAlive(AgiReply reply) {
        if (reply.getResultCode() == HUNG_UP) {
            throw new CallerHungUpException();
        }
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
