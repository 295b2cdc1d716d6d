package hotline.telephony.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Hotline's shipped dialplan ({@code ivr-scripts/extensions_hotline.conf}, packaged as {@value #SHIPPED}) does
 * with a caller once the agent hangs up, as app_queue decides it: without option {@code c} Queue() hangs the caller's
 * channel up with the agent's; with it the dialplan goes on after Queue() — to the survey's FastAGI in Hotline's.
 * Tests that follow a call past the queue ask this, so a dialplan that would cut the caller off fails them. Immutable.
 *
 * @param queueOptions     the options of the Queue() in {@code [hotline-inbound]}
 * @param scriptAfterQueue the FastAGI script of the first AGI() after it, or null
 */
public record Dialplan(String queueOptions, String scriptAfterQueue) {

    public static final String SHIPPED = "ivr-asterisk/extensions_hotline.conf";
    private static final Pattern QUEUE = Pattern.compile("Queue\\(([^,)]*),?([^,)]*)");
    private static final Pattern AGI = Pattern.compile("AGI\\(agi://[^/)]+/([A-Za-z0-9_-]+)\\)");

    public static Dialplan shipped() {
        try (InputStream in = Dialplan.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " (from ivr-scripts) is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the {@code [hotline-inbound]} context: its Queue() and the first AGI() after it. */
    public static Dialplan parse(String text) {
        List<String> lines = text.lines().map(line -> line.replaceFirst(";.*", "").strip()).toList();
        int start = lines.indexOf("[hotline-inbound]");
        String options = null;
        for (int i = start + 1; start >= 0 && i < lines.size() && !lines.get(i).startsWith("["); i++) {
            Matcher queue = QUEUE.matcher(lines.get(i));
            Matcher agi = AGI.matcher(lines.get(i));
            if (options == null && queue.find()) {
                options = queue.group(2);
            } else if (options != null && agi.find()) {
                return new Dialplan(options, agi.group(1));
            }
        }
        if (options == null) {
            throw new IllegalStateException("no Queue() in [hotline-inbound]");
        }
        return new Dialplan(options, null);
    }

    /** The FastAGI script the caller reaches when the agent hangs up first; empty when Queue() hangs the caller up too. */
    public Optional<String> afterAgentHangsUp() {
        return queueOptions.contains("c") ? Optional.ofNullable(scriptAfterQueue) : Optional.empty();
    }
}
