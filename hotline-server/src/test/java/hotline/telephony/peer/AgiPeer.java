package hotline.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Asterisk side of one FastAGI session, for tests: connects to the AGI server as {@code res_agi.c}'s
 * {@code launch_netscript} does, sends {@code agi_network: yes}, {@code agi_network_script}, then the
 * {@code agi_*} environment in {@code setup_env}'s order ended by an empty line ({@code \n} line ends throughout), and
 * answers each command like Asterisk for a simulated caller who presses the keys of a {@link Caller} script.
 *
 * <p>Replies follow the command handlers: {@code GET DATA} → {@code 200 result=<digits>}, {@code 200 result=<digits>
 * (timeout)} or {@code 200 result=-1} when the caller hangs up; {@code SAY DIGITS} → {@code 200 result=0};
 * {@code SET VARIABLE} → {@code 200 result=1}; {@code STREAM FILE} → {@code 200 result=0 endpos=N};
 * {@code CHANNEL STATUS} → {@code 200 result=6} (up); unknown commands {@code 510 Invalid or unknown command}; a bad
 * argument count the {@code 520-} usage block. {@code SAY NUMBER} and {@code SAY DATETIME} answer {@code 200 result=0}
 * (their arguments checked as {@code handle_saynumber} and {@code handle_saydatetime} do). After the caller hangs up, {@code HANGUP} is sent once (AGISIGHUP) and
 * every command not allowed on a dead channel gets {@code 511 Command Not Permitted on a dead channel or intercept
 * routine}.
 *
 * <p>Sounds are those of the shipped sound list ({@code ivr-scripts/prompts/sounds.txt}, what {@code generate.sh}
 * installs), less any the {@link Caller} says are missing: a prompt outside them gets {@code 200 result=-1} from
 * GET DATA and {@code 200 result=-1 endpos=0} from STREAM FILE (as {@code ast_streamfile} failing does), while SAY
 * DIGITS silently skips a digit without its sound (as {@code ast_get_digit_str} does). Not thread-safe: one call, one
 * thread.
 */
public final class AgiPeer {

    /** Commands res_agi.c lets run on a dead channel (the last column of its command table). */
    private static final Set<String> DEAD_OK = Set.of("SET VARIABLE", "GET VARIABLE", "GET FULL VARIABLE", "VERBOSE",
            "NOOP", "EXEC", "DATABASE GET", "DATABASE PUT", "DATABASE DEL", "DATABASE DELTREE", "ASYNCAGI BREAK");
    /** Commands during which Asterisk plays audio to the caller. */
    private static final Set<String> PLAYING = Set.of("STREAM FILE", "GET DATA", "SAY DIGITS", "SAY NUMBER",
            "SAY DATETIME");
    private static final AtomicLong UNIQUE = new AtomicLong(1_700_000_000L);
    /** The sounds an install has: the shipped list, as packaged from ivr-scripts. */
    public static final Set<String> SHIPPED_SOUNDS = shippedSounds();

    /** One thing the caller does when the IVR waits for keys. */
    public sealed interface Key permits Digits, Timeout, HangUp {
    }

    /** Presses these digits (GET DATA gets them all). */
    public record Digits(String digits) implements Key {
    }

    /** Presses nothing until the timeout; {@code partial} digits were pressed before. */
    public record Timeout(String partial) implements Key {
    }

    /** Hangs up while the prompt plays. */
    public record HangUp() implements Key {
    }

    /**
     * The simulated caller: caller ID ({@code null}: withheld, sent as {@code unknown}), language, key presses, how
     * long each prompt plays before Asterisk answers a playing command ({@code playMillis}, 0: at once), and sounds of
     * the shipped set this Asterisk lacks (a file deleted or misnamed).
     */
    public record Caller(String callerId, String language, List<Key> keys, long playMillis, Set<String> missingSounds) {

        /** The same caller with prompts that take {@code millis} to play, as real audio does. */
        public Caller paced(long millis) {
            return new Caller(callerId, language, keys, millis, missingSounds);
        }

        /** The same caller on an Asterisk where these sounds are missing. */
        public Caller without(String... sounds) {
            return new Caller(callerId, language, keys, playMillis, Set.of(sounds));
        }

        public static Caller of(String callerId, String... presses) {
            List<Key> keys = new ArrayList<>();
            for (String press : presses) {
                keys.add(switch (press) {
                    case "timeout" -> new Timeout("");
                    case "hangup" -> new HangUp();
                    default -> new Digits(press);
                });
            }
            return new Caller(callerId, "zh", keys, 0, Set.of());
        }
    }

    /**
     * What happened on the call, for assertions: {@code prompts} the caller heard (a sound Asterisk lacks is not
     * among them), {@code saidDigits} the digits read out that had a sound; {@code heard} everything in order: sound
     * names, {@code digits:<d>}, {@code number:<n>} (SAY NUMBER) and {@code datetime:<time> <format> <zone>}.
     */
    public record Transcript(String uniqueid, List<String> commands, List<String> prompts, List<String> saidDigits,
                             Map<String, String> variables, boolean hungUpByCaller, boolean hungUpByIvr,
                             List<String> replies, long[] turnaroundNanos, List<String> heard) {

        /** Every digit the IVR read out with SAY DIGITS, in order. */
        public String allSaidDigits() {
            return String.join("", saidDigits);
        }
    }

    /**
     * One Asterisk channel, which may run several AGI scripts in turn (the IVR, later the survey): its uniqueid and its
     * variables last from one to the next, as a channel's do.
     */
    public static final class Channel {
        private final String uniqueid = UNIQUE.incrementAndGet() + "." + UNIQUE.get() % 1000;
        private final Map<String, String> variables = new LinkedHashMap<>();

        public String uniqueid() {
            return uniqueid;
        }

        public Map<String, String> variables() {
            return Map.copyOf(variables);
        }
    }

    private AgiPeer() {
    }

    /** Calls the AGI server at 127.0.0.1:{@code port}, script {@code ivr}, and plays {@code caller} to the end. */
    public static Transcript call(int port, Caller caller) throws IOException {
        return call(port, "ivr", caller);
    }

    public static Transcript call(int port, String script, Caller caller) throws IOException {
        return call(port, script, caller, new Channel());
    }

    /** Runs {@code script} on {@code channel}, whose variables the script reads and adds to. */
    public static Transcript call(int port, String script, Caller caller, Channel channel) throws IOException {
        String uniqueid = channel.uniqueid;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(environment(port, script, uniqueid, caller).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new Session(uniqueid, caller, channel.variables, in, out).run();
        }
    }

    /** The environment block exactly as launch_netscript and setup_env write it. */
    static String environment(int port, String script, String uniqueid, Caller caller) {
        StringBuilder env = new StringBuilder();
        env.append("agi_network: yes\n");
        env.append("agi_network_script: ").append(script).append('\n');
        env.append("agi_request: agi://127.0.0.1:").append(port).append('/').append(script).append('\n');
        env.append("agi_channel: PJSIP/trunk-").append(String.format("%08x", Long.parseLong(uniqueid.split("\\.")[0]) & 0xffffffL)).append('\n');
        env.append("agi_language: ").append(caller.language()).append('\n');
        env.append("agi_type: PJSIP\n");
        env.append("agi_uniqueid: ").append(uniqueid).append('\n');
        env.append("agi_version: ").append(AmiPeer.VERSION).append('\n');
        env.append("agi_callerid: ").append(caller.callerId() == null ? "unknown" : caller.callerId()).append('\n');
        env.append("agi_calleridname: unknown\n");
        env.append("agi_callingpres: ").append(caller.callerId() == null ? 32 : 0).append('\n');
        env.append("agi_callingani2: 0\n");
        env.append("agi_callington: 0\n");
        env.append("agi_callingtns: 0\n");
        env.append("agi_dnid: 96655\n");
        env.append("agi_rdnis: unknown\n");
        env.append("agi_context: hotline-inbound\n");
        env.append("agi_extension: s\n");
        env.append("agi_priority: 6\n");
        env.append("agi_enhanced: 0.0\n");
        env.append("agi_accountcode: \n");
        env.append("agi_threadid: 140245366900480\n");
        env.append('\n');
        return env.toString();
    }

    private static Set<String> shippedSounds() {
        try (var in = AgiPeer.class.getClassLoader().getResourceAsStream("ivr-prompts/sounds.txt")) {
            if (in == null) {
                throw new IllegalStateException("ivr-prompts/sounds.txt (from ivr-scripts) is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class Session {
        private final String uniqueid;
        private final Set<String> missingSounds;
        private final Deque<Key> keys;
        private final long playMillis;
        private final BufferedReader in;
        private final OutputStream out;
        private final List<String> commands = new ArrayList<>();
        private final List<String> prompts = new ArrayList<>();
        private final List<String> said = new ArrayList<>();
        private final List<String> heard = new ArrayList<>();
        private final List<String> replies = new ArrayList<>();
        private final Map<String, String> variables;
        private final List<Long> turnarounds = new ArrayList<>();
        private boolean dead;
        private boolean hangupPending;
        private boolean callerHungUp;
        private boolean ivrHungUp;

        Session(String uniqueid, Caller caller, Map<String, String> variables, BufferedReader in, OutputStream out) {
            this.uniqueid = uniqueid;
            this.variables = variables;
            this.keys = new ArrayDeque<>(caller.keys());
            this.playMillis = caller.playMillis();
            this.missingSounds = caller.missingSounds();
            this.in = in;
            this.out = out;
        }

        Transcript run() throws IOException {
            long repliedAt = System.nanoTime();
            String line;
            while ((line = in.readLine()) != null) {
                turnarounds.add(System.nanoTime() - repliedAt);
                commands.add(line);
                String reply = answer(line);
                String name = commandName(parseArgs(line));
                if (playMillis > 0 && !dead && name != null && PLAYING.contains(name)) {
                    try {
                        Thread.sleep(playMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return transcript();
                    }
                }
                replies.add(reply);
                StringBuilder text = new StringBuilder(reply).append('\n');
                if (hangupPending) {
                    // res_agi.c notices the hang-up after the command and tells the script before reading the next one.
                    text.append("HANGUP\n");
                    hangupPending = false;
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                repliedAt = System.nanoTime();
            }
            return transcript();
        }

        private Transcript transcript() {
            return new Transcript(uniqueid, commands, prompts, said, Map.copyOf(variables), callerHungUp, ivrHungUp, replies,
                    turnarounds.stream().mapToLong(Long::longValue).toArray(), heard);
        }

        private String answer(String line) {
            List<String> argv = parseArgs(line);
            if (argv.isEmpty()) {
                return "510 Invalid or unknown command";
            }
            String name = commandName(argv);
            if (name == null) {
                return "510 Invalid or unknown command";
            }
            if (dead && !DEAD_OK.contains(name)) {
                return "511 Command Not Permitted on a dead channel or intercept routine";
            }
            return switch (name) {
                case "ANSWER", "NOOP" -> "200 result=0";
                case "VERBOSE" -> "200 result=1";
                case "EXEC" -> "200 result=0";
                case "SET VARIABLE" -> {
                    if (argv.size() != 4) {
                        yield usage("SET VARIABLE <variablename> <value>");
                    }
                    variables.put(argv.get(2), argv.get(3));
                    yield "200 result=1";
                }
                case "GET VARIABLE" -> {
                    if (argv.size() != 3) {
                        yield usage("GET VARIABLE <variablename>");
                    }
                    String value = variables.get(argv.get(2));
                    yield value == null ? "200 result=0" : "200 result=1 (" + value + ")";
                }
                case "STREAM FILE" -> {
                    if (argv.size() < 4 || argv.size() > 5) {
                        yield usage("STREAM FILE <filename> <escape_digits> [sample offset]");
                    }
                    if (!playable(argv.get(2))) {
                        yield "200 result=-1 endpos=0";
                    }
                    prompts.add(argv.get(2));
                    heard.add(argv.get(2));
                    yield "200 result=0 endpos=16000";
                }
                case "SAY DIGITS" -> {
                    // handle_saydigits: the argument must start as an integer (sscanf %d); ast_get_digit_str then
                    // plays digits/<d>, star, pound, minus when the sound exists and skips everything else
                    if (argv.size() != 4 || !argv.get(2).matches("\\s*[+-]?[0-9].*")) {
                        yield usage("SAY DIGITS <number> <escape_digits>");
                    }
                    said.add(argv.get(2).chars().filter(Character::isDigit)
                            .filter(d -> playable("digits/" + (char) d))
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
                    heard.add("digits:" + said.getLast());
                    yield "200 result=0";
                }
                case "SAY NUMBER" -> {
                    // handle_saynumber: 4 or 5 arguments, the number read with sscanf %30d
                    if (argv.size() < 4 || argv.size() > 5 || !argv.get(2).matches("\\s*[+-]?[0-9]{1,30}.*")) {
                        yield usage("SAY NUMBER <number> <escape_digits> [gender]");
                    }
                    heard.add("number:" + argv.get(2).strip().replaceAll("^([+-]?[0-9]+).*", "$1"));
                    yield "200 result=0";
                }
                case "SAY DATETIME" -> {
                    // handle_saydatetime: at least 4 arguments, the time a whole number of seconds (ast_get_time_t)
                    if (argv.size() < 4 || !argv.get(2).matches("[0-9]+")) {
                        yield usage("SAY DATETIME <time> <escape_digits> [format] [timezone]");
                    }
                    heard.add("datetime:" + argv.get(2) + " " + (argv.size() > 4 ? argv.get(4) : "") + " "
                            + (argv.size() > 5 ? argv.get(5) : ""));
                    yield "200 result=0";
                }
                case "CHANNEL STATUS" -> argv.size() == 2 ? "200 result=6" : usage("CHANNEL STATUS [<channelname>]");
                case "GET DATA" -> getData(argv);
                case "HANGUP" -> {
                    ivrHungUp = true;
                    dead = true;
                    hangupPending = true;
                    yield "200 result=1";
                }
                default -> "510 Invalid or unknown command";
            };
        }

        private String getData(List<String> argv) {
            if (argv.size() < 3) {
                return usage("GET DATA <file to be streamed> [timeout] [maxdigits]");
            }
            if (!playable(argv.get(2))) {
                // ast_app_getdata_full returns at once when the prompt cannot be streamed: no keys are read
                return "200 result=-1";
            }
            prompts.add(argv.get(2));
            heard.add(argv.get(2));
            int max = argv.size() >= 5 ? Integer.parseInt(argv.get(4)) : 1024;
            Key key = keys.pollFirst();
            if (key == null) {
                key = new HangUp();
            }
            return switch (key) {
                case Digits(String digits) -> {
                    String pressed = digits.length() > max ? digits.substring(0, max) : digits;
                    // A full buffer returns at once; fewer digits end with '#' or the inter-digit timeout.
                    yield pressed.length() == max || digits.endsWith("#")
                            ? "200 result=" + pressed.replace("#", "")
                            : "200 result=" + pressed + " (timeout)";
                }
                case Timeout(String partial) -> "200 result=" + partial + " (timeout)";
                case HangUp() -> {
                    callerHungUp = true;
                    dead = true;
                    hangupPending = true;
                    yield "200 result=-1";
                }
            };
        }

        private boolean playable(String sound) {
            return SHIPPED_SOUNDS.contains(sound) && !missingSounds.contains(sound);
        }

        private static String usage(String usage) {
            return "520-Invalid command syntax.  Proper usage follows:\n Usage: " + usage + "\n520 End of proper usage.";
        }

        private static String commandName(List<String> argv) {
            if (argv.isEmpty()) {
                return null;
            }
            String first = argv.get(0).toUpperCase();
            String two = argv.size() > 1 ? first + " " + argv.get(1).toUpperCase() : first;
            String three = argv.size() > 2 ? two + " " + argv.get(2).toUpperCase() : two;
            for (String candidate : List.of(three, two, first)) {
                if (KNOWN.contains(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        private static final Set<String> KNOWN = Set.of("ANSWER", "NOOP", "VERBOSE", "EXEC", "SET VARIABLE",
                "GET VARIABLE", "GET FULL VARIABLE", "STREAM FILE", "SAY DIGITS", "SAY NUMBER", "SAY DATETIME", "GET DATA", "HANGUP", "CHANNEL STATUS",
                "DATABASE GET", "DATABASE PUT", "DATABASE DEL", "DATABASE DELTREE", "ASYNCAGI BREAK");

        /** Splits like res_agi.c's parse_args: spaces separate, double quotes group, backslash escapes. */
        static List<String> parseArgs(String line) {
            List<String> args = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            boolean escaped = false;
            boolean inToken = false;
            for (char c : line.toCharArray()) {
                if (escaped) {
                    current.append(c);
                    escaped = false;
                    inToken = true;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = !quoted;
                    inToken = true;
                } else if ((c == ' ' || c == '\t') && !quoted) {
                    if (inToken) {
                        args.add(current.toString());
                        current.setLength(0);
                        inToken = false;
                    }
                } else {
                    current.append(c);
                    inToken = true;
                }
            }
            if (inToken) {
                args.add(current.toString());
            }
            return args;
        }
    }
}
