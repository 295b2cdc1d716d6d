package hotline.telephony.ivr.internal;

import hotline.common.Code;
import hotline.telephony.ivr.internal.IvrFlow.Action;
import hotline.telephony.ivr.internal.IvrFlow.Branch;
import hotline.telephony.ivr.internal.IvrFlow.Edge;
import hotline.telephony.ivr.internal.IvrFlow.Hangup;
import hotline.telephony.ivr.internal.IvrFlow.Input;
import hotline.telephony.ivr.internal.IvrFlow.Menu;
import hotline.telephony.ivr.internal.IvrFlow.Node;
import hotline.telephony.ivr.internal.IvrFlow.Prompt;
import hotline.telephony.ivr.internal.IvrFlow.Say;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks one flow file against the install's {@link IvrSounds}. Every problem is an {@link IvrFlowException}
 * naming the flow, the node and the field, so a telephony admin's typo — or a prompt nobody generated or recorded —
 * stops the server at start-up instead of a caller in mid-call. Stateless.
 */
public final class IvrFlowParser {

    private static final Set<String> NODE_KINDS = Set.of("menu", "input", "action", "say", "branch", "hangup");
    private static final Pattern DIGIT_KEY = Pattern.compile("[0-9*#]");
    private static final Pattern DATE_FORMAT = Pattern.compile("[ABaBbdehmYIlHkMPpQqRSTt ]{1,20}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");

    private final String flowName;
    private final IvrSounds sounds;
    private JsonObject nodesJson;
    private Map<String, Prompt> prompts;

    private IvrFlowParser(String flowName, IvrSounds sounds) {
        this.flowName = flowName;
        this.sounds = sounds;
    }

    /** Parses {@code text} (the file's content) as flow {@code flowName}, whose sounds must be in {@code sounds}. */
    public static IvrFlow parse(String flowName, String text, IvrSounds sounds) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new IvrFlowException("IVR flow '" + flowName + "': not valid JSON: " + e.getMessage());
        }
        return new IvrFlowParser(flowName, sounds).flow(json);
    }

    private IvrFlow flow(JsonObject json) {
        prompts = prompts(objectField(json, "prompts", "flow"));
        nodesJson = objectField(json, "nodes", "flow");
        String start = text(json, "start", "flow");
        String agent = text(json, "agent", "flow");
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String id : nodesJson.fieldNames()) {
            if (!NAME.matcher(id).matches()) {
                throw fail(id, "node ids are letters, digits and _ (got '" + id + "')");
            }
            nodes.put(id, node(id, objectField(nodesJson, id, id)));
        }
        requireNode(start, "flow", "start");
        requireNode(agent, "flow", "agent");
        return new IvrFlow(flowName, start, agent, Map.copyOf(prompts), Map.copyOf(nodes));
    }

    private Map<String, Prompt> prompts(JsonObject json) {
        Map<String, Prompt> result = new LinkedHashMap<>();
        for (String id : json.fieldNames()) {
            JsonObject prompt = objectField(json, id, "prompt " + id);
            String sound = text(prompt, "sound", "prompt " + id);
            if (!IvrSounds.NAME.matcher(sound).matches()) {
                throw fail("prompt " + id, "sound '" + sound + "' is not a sound name (letters, digits, _, -, /)");
            }
            if (!sounds.has(sound)) {
                throw fail("prompt " + id, "sound '" + sound + "' is not in the sound list " + sounds.source()
                        + " (generate or record it in zh and en, then list it there)");
            }
            result.put(id, new Prompt(sound, text(prompt, "zh", "prompt " + id), text(prompt, "en", "prompt " + id)));
        }
        return result;
    }

    private Node node(String id, JsonObject json) {
        List<String> kinds = json.fieldNames().stream().filter(NODE_KINDS::contains).toList();
        if (kinds.size() != 1) {
            throw fail(id, "a node has exactly one of " + NODE_KINDS + ", found " + kinds);
        }
        return switch (kinds.getFirst()) {
            case "menu" -> menu(id, json);
            case "input" -> input(id, json);
            case "action" -> action(id, json);
            case "say" -> new Say(parts(id, json), edge(id, json.getValue("next"), "next"));
            case "branch" -> new Branch(name(id, json, "branch"), edge(id, json.getValue("present"), "present"),
                    edge(id, json.getValue("absent"), "absent"));
            default -> new Hangup(promptList(id, json, "hangup"));
        };
    }

    private Menu menu(String id, JsonObject json) {
        JsonObject options = objectField(json, "options", id);
        if (options.isEmpty()) {
            throw fail(id, "options: a menu needs at least one option");
        }
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (String key : options.fieldNames()) {
            if (!DIGIT_KEY.matcher(key).matches()) {
                throw fail(id, "options: '" + key + "' is not a key of the phone (0-9, *, #)");
            }
            edges.put(key, edge(id, options.getValue(key), "options." + key));
        }
        return new Menu(prompt(id, json, "menu"), Map.copyOf(edges), timeoutMs(id, json), tries(id, json),
                optionalPrompt(id, json, "invalid"), onFail(id, json));
    }

    private Input input(String id, JsonObject json) {
        int min = integer(id, json, "minDigits", 1, 1, 32);
        int max = integer(id, json, "maxDigits", min, min, 32);
        return new Input(prompt(id, json, "prompt"), name(id, json, "input"), min, max, timeoutMs(id, json),
                tries(id, json), optionalPrompt(id, json, "invalid"), edge(id, json.getValue("next"), "next"), onFail(id, json));
    }

    private Action action(String id, JsonObject json) {
        String name = text(json, "action", id);
        IvrAction action = Code.parse(IvrAction.class, name).orElseThrow(() ->
                fail(id, "action '" + name + "' is not one of " + Code.codes(IvrAction.class)));
        Set<String> required = action.outcomes();
        Map<String, String> params = new LinkedHashMap<>();
        JsonObject with = json.getValue("with") == null ? new JsonObject() : objectField(json, "with", id);
        with.forEach(entry -> params.put(entry.getKey(), String.valueOf(entry.getValue())));
        if (action == IvrAction.LOOKUP_CALLER && !Set.of("caller_id", "account").contains(params.get("by"))) {
            throw fail(id, "with.by: lookup_caller looks up by 'caller_id' or 'account'");
        }
        Map<String, Edge> outcomes = new LinkedHashMap<>();
        JsonObject next = json.getValue("next") == null ? new JsonObject() : objectField(json, "next", id);
        for (String outcome : next.fieldNames()) {
            outcomes.put(outcome, edge(id, next.getValue(outcome), "next." + outcome));
        }
        if (required.isEmpty() && !outcomes.isEmpty()) {
            throw fail(id, "next: " + name + " ends the flow and takes no next");
        }
        for (String outcome : required) {
            if (!outcomes.containsKey(outcome)) {
                throw fail(id, "next." + outcome + ": action " + name + " needs an edge for outcome '" + outcome + "'");
            }
        }
        return new Action(action, Map.copyOf(params), Map.copyOf(outcomes));
    }

    private Edge edge(String id, Object value, String field) {
        if (value instanceof String target) {
            requireNode(target, id, field);
            return new Edge(target, false, Map.of());
        }
        if (value instanceof JsonObject object) {
            String target = text(object, "next", id + " " + field);
            requireNode(target, id, field + ".next");
            Map<String, String> set = new LinkedHashMap<>();
            JsonObject vars = object.getValue("set") == null ? new JsonObject() : objectField(object, "set", id);
            for (String name : vars.fieldNames()) {
                if (!NAME.matcher(name).matches()) {
                    throw fail(id, field + ".set: '" + name + "' is not a variable name");
                }
                set.put(name, String.valueOf(vars.getValue(name)));
            }
            return new Edge(target, object.getBoolean("retry", false), Map.copyOf(set));
        }
        throw fail(id, field + ": expected a node id or {\"next\": ...}");
    }

    private void requireNode(String target, String id, String field) {
        if (target == null || !nodesJson.containsKey(target)) {
            throw fail(id, field + ": '" + target + "' is not a node of this flow");
        }
    }

    private String prompt(String id, JsonObject json, String field) {
        String prompt = text(json, field, id);
        if (!prompts.containsKey(prompt)) {
            throw fail(id, field + ": prompt '" + prompt + "' is not in prompts");
        }
        return prompt;
    }

    private String optionalPrompt(String id, JsonObject json, String field) {
        return json.getValue(field) == null ? null : prompt(id, json, field);
    }

    private List<String> promptList(String id, JsonObject json, String field) {
        Object value = json.getValue(field);
        List<String> list = new ArrayList<>();
        if (value instanceof String single) {
            list.add(single);
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> list.add(String.valueOf(item)));
        } else {
            throw fail(id, field + ": expected a prompt id or a list of them");
        }
        for (String prompt : list) {
            if (!prompts.containsKey(prompt)) {
                throw fail(id, field + ": prompt '" + prompt + "' is not in prompts");
            }
        }
        return List.copyOf(list);
    }

    /**
     * The parts of a say node: {@code say} is a prompt id or a list of prompt ids and variables to read out
     * ({@code {"digits": v}}, {@code {"number": v, "point": p, "unit": p}}, {@code {"date": v, "format": {"zh": f,
     * "en": f}}}); the older {@code digitsOf} adds a digits part at the end. Each needs the sounds Asterisk's say
     * command plays.
     */
    private List<IvrFlow.Part> parts(String id, JsonObject json) {
        Object value = json.getValue("say");
        JsonArray items = value instanceof JsonArray array ? array : new JsonArray().add(value);
        List<IvrFlow.Part> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parts.add(part(id, items.getValue(i)));
        }
        String digitsOf = optionalName(id, json, "digitsOf");
        if (digitsOf != null) {
            parts.add(digits(id, digitsOf, "digitsOf"));
        }
        return List.copyOf(parts);
    }

    private IvrFlow.Part part(String id, Object item) {
        if (item instanceof String prompt) {
            if (!prompts.containsKey(prompt)) {
                throw fail(id, "say: prompt '" + prompt + "' is not in prompts");
            }
            return new IvrFlow.Play(prompt);
        }
        if (!(item instanceof JsonObject part)) {
            throw fail(id, "say: expected a prompt id, a list of them, or {\"digits\"|\"number\"|\"date\": variable}");
        }
        if (part.containsKey("digits")) {
            return digits(id, name(id, part, "digits"), "say.digits");
        }
        if (part.containsKey("number")) {
            needSounds(id, "say.number", IvrSounds.NUMBERS);
            return new IvrFlow.NumberOf(name(id, part, "number"), optionalPrompt(id, part, "point"),
                    optionalPrompt(id, part, "unit"));
        }
        if (part.containsKey("date")) {
            needSounds(id, "say.date", IvrSounds.DATES);
            JsonObject formats = objectField(part, "format", id);
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (String language : List.of("zh", "en")) {
                String format = text(formats, language, id);
                if (!DATE_FORMAT.matcher(format).matches()) {
                    throw fail(id, "say.date.format." + language + ": '" + format + "' is not a date format of "
                            + "Asterisk's SAY DATETIME (letters such as Y B d A)");
                }
                byLanguage.put(language, format);
            }
            return new IvrFlow.DateOf(name(id, part, "date"), Map.copyOf(byLanguage));
        }
        throw fail(id, "say: a part reads out one of digits, number, date");
    }

    /** A variable to read out digit by digit, which needs Asterisk's digit sounds. */
    private IvrFlow.DigitsOf digits(String id, String variable, String field) {
        needSounds(id, field, IvrSounds.DIGITS);
        return new IvrFlow.DigitsOf(variable);
    }

    private void needSounds(String id, String field, Set<String> needed) {
        if (!sounds.names().containsAll(needed)) {
            throw fail(id, field + ": reading it out needs " + (needed == IvrSounds.DIGITS ? "digits/0 to digits/9"
                    : "the digits/ sounds of Asterisk's say commands") + " in the sound list " + sounds.source());
        }
    }

    private String onFail(String id, JsonObject json) {
        String target = json.getString("onFail");
        if (target != null) {
            requireNode(target, id, "onFail");
        }
        return target;
    }

    private String name(String id, JsonObject json, String field) {
        String name = text(json, field, id);
        if (!NAME.matcher(name).matches()) {
            throw fail(id, field + ": '" + name + "' is not a variable name");
        }
        return name;
    }

    private String optionalName(String id, JsonObject json, String field) {
        return json.getValue(field) == null ? null : name(id, json, field);
    }

    private int timeoutMs(String id, JsonObject json) {
        return integer(id, json, "timeoutSeconds", 5, 1, 60) * 1000;
    }

    private int tries(String id, JsonObject json) {
        return integer(id, json, "tries", 3, 1, 3);
    }

    private int integer(String id, JsonObject json, String field, int defaultValue, int min, int max) {
        Object value = json.getValue(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.doubleValue() != number.intValue()
                || number.intValue() < min || number.intValue() > max) {
            throw fail(id, field + ": expected a whole number from " + min + " to " + max + ", got " + value);
        }
        return number.intValue();
    }

    private String text(JsonObject json, String field, String where) {
        Object value = json.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw fail(where, field + ": a non-empty text is required");
        }
        return text;
    }

    private JsonObject objectField(JsonObject json, String field, String where) {
        Object value = json.getValue(field);
        if (!(value instanceof JsonObject object)) {
            throw fail(where, field + ": an object is required");
        }
        return object;
    }

    private IvrFlowException fail(String where, String what) {
        String place = where.equals("flow") || where.startsWith("prompt ") ? where : "node '" + where + "'";
        return new IvrFlowException("IVR flow '" + flowName + "', " + place + ": " + what);
    }
}
