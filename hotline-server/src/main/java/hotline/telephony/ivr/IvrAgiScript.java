package hotline.telephony.ivr;

import hotline.telephony.callback.CallbackDesk;
import hotline.telephony.ivr.internal.AgiIvrChannel;
import hotline.telephony.ivr.internal.IvrFlows;
import hotline.telephony.ivr.internal.IvrInterpreter;
import hotline.telephony.ivr.internal.IvrResult;
import hotline.telephony.ivr.internal.IvrSounds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FastAGI entry: maps the script of the request URL ({@code agi://host:4573/ivr}) to that flow's interpreter and
 * runs it on the calling (virtual) thread. Counts calls by ending ({@code hotline_ivr_calls_total{flow,ending}}) and
 * times each AGI command round trip ({@code hotline_agi_command_seconds}). An unknown script is left to Asterisk-Java,
 * which logs it and sets {@code AJ_AGISTATUS=NOT_FOUND}. Thread-safe.
 */
public final class IvrAgiScript implements AgiScript, MappingStrategy {

    private static final Logger log = LoggerFactory.getLogger(IvrAgiScript.class);

    private final Map<String, IvrInterpreter> interpreters;
    private final MeterRegistry meters;
    private final Timer roundTrips;

    private IvrAgiScript(Map<String, IvrInterpreter> interpreters, MeterRegistry meters) {
        this.interpreters = Map.copyOf(interpreters);
        this.meters = meters;
        this.roundTrips = Timer.builder("hotline_agi_command_seconds")
                .description("Round trip of one AGI command to Asterisk and back")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /**
     * The script for the flows named, read from {@code files}, each checked now against the sound list (a broken one
     * throws {@link hotline.telephony.ivr.internal.IvrFlowException} naming the flow and node) and run against
     * {@code services} and {@code callbacks}, waiting at most {@code serviceTimeout} for a service.
     */
    public static IvrAgiScript load(List<String> flowNames, IvrFiles files, IvrServices services,
                                    CallbackDesk callbacks, Duration serviceTimeout, MeterRegistry meters) {
        Map<String, IvrInterpreter> interpreters = new LinkedHashMap<>();
        IvrFlows.load(flowNames, files.flowDir(), IvrSounds.load(files.soundList())).forEach((name, flow) ->
                interpreters.put(name, new IvrInterpreter(flow, services, callbacks, serviceTimeout)));
        return new IvrAgiScript(interpreters, meters);
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        String script = request.getScript();
        return script != null && interpreters.containsKey(script) ? this : null;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        IvrInterpreter interpreter = interpreters.get(request.getScript());
        IvrResult result = interpreter.run(new AgiIvrChannel(request, channel, roundTrips));
        log.debug("IVR call {} ended {} after {}", request.getUniqueId(), result.ending(), result.path());
        Counter.builder("hotline_ivr_calls_total").tag("flow", interpreter.flow().name())
                .tag("ending", result.ending().name().toLowerCase()).register(meters).increment();
    }
}
