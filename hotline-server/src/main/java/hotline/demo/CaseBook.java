package hotline.demo;

import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's case book ({@value #RESOURCE}): per ticket type its kinds (a kind is the ticket's category), per kind its
 * cases, each with what the caller says and how such a case ends, in Chinese and English. A case is drawn by weight,
 * kind first, among the cases of the ticket's month (frozen pipes in winter); {@link DemoCase#write} then words it. Every case is checked when the book is read: each text its type
 * needs (see {@link #TEXTS}) and each slot those texts name must be fillable in both languages, so a gap fails the
 * start-up, not the fortieth minute of a demo. Immutable and thread-safe.
 */
final class CaseBook {

    static final String RESOURCE = "/demo/cases.json";
    static final List<String> LANGUAGES = List.of("zh", "en");

    /** The texts a case of each type must write, named after the workflow fields they fill. */
    static final Map<TicketType, List<String>> TEXTS = Map.of(
            TicketType.REPAIR, List.of("subject", "statement", "cause", "work", "resolution", "verify", "duplicate"),
            TicketType.COMPLAINT, List.of("subject", "statement", "complainant", "about", "whatHappened",
                    "wantedOutcome", "contact", "foundedReason", "solution", "owner", "satisfied", "unhappy"),
            TicketType.INQUIRY, List.of("subject", "statement", "answer"),
            TicketType.SUGGESTION, List.of("subject", "statement", "note"),
            TicketType.HELP, List.of("subject", "statement", "note"));
    /** Workflow choices a case of each type must name (not words: the same in both languages). */
    static final Map<TicketType, List<String>> CODES = Map.of(TicketType.COMPLAINT, List.of("aboutKind", "founded"));

    private static final Set<String> TOP_KEYS = Set.of("_comment", "common", "types");
    private static final Set<String> TYPE_KEYS = Set.of("zh", "en", "kinds");
    private static final Set<String> KIND_KEYS = Set.of("category", "weight", "codes", "zh", "en", "cases");
    private static final Set<String> CASE_KEYS = Set.of("name", "weight", "months", "codes", "zh", "en");

    /**
     * One case: its type, kind (the ticket category), name and weight among its kind's cases, the months it happens
     * in (empty: all year), its phrases per language (falling back to its kind's, type's and the common ones) and its
     * workflow codes.
     */
    record Scenario(TicketType type, String category, String name, int weight, Set<Month> months, Phrases zh,
                    Phrases en, Map<String, String> codes) {

        Phrases phrases(boolean english) {
            return english ? en : zh;
        }

        boolean happensIn(Month month) {
            return months.isEmpty() || months.contains(month);
        }
    }

    private record Kind(int weight, List<Scenario> cases) {
    }

    private final Map<TicketType, List<Kind>> kinds;

    private CaseBook(Map<TicketType, List<Kind>> kinds) {
        this.kinds = kinds;
    }

    /** The book shipped with the server. */
    static CaseBook load() {
        try (var in = CaseBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo case book " + RESOURCE + " is not on the class path");
            }
            return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo case book " + RESOURCE, e);
        }
    }

    /** Reads and checks a book; a gap or a typo is an {@link IllegalArgumentException} naming where it is. */
    static CaseBook parse(JsonObject json) {
        keys(json, TOP_KEYS, "case book");
        JsonObject common = object(json, "common", "case book");
        JsonObject types = object(json, "types", "case book");
        Map<TicketType, List<Kind>> kinds = new EnumMap<>(TicketType.class);
        for (TicketType type : TicketType.values()) {
            String where = "types." + type.code();
            JsonObject typeJson = object(types, type.code(), "types");
            keys(typeJson, TYPE_KEYS, where);
            Map<String, Phrases> typePhrases = new HashMap<>();
            for (String language : LANGUAGES) {
                Phrases top = Phrases.parse(object(common, language, "common"), null, "common." + language);
                typePhrases.put(language, Phrases.parse(typeJson.getJsonObject(language), top, where + "." + language));
            }
            List<Kind> list = new ArrayList<>();
            JsonArray kindArray = array(typeJson, "kinds", where);
            for (int k = 0; k < kindArray.size(); k++) {
                list.add(kind(type, kindArray.getJsonObject(k), typePhrases, where + ".kinds[" + k + "]"));
            }
            for (Month month : Month.values()) {
                if (list.stream().noneMatch(kind -> kind.cases().stream().anyMatch(s -> s.happensIn(month)))) {
                    throw new IllegalArgumentException(where + ": no case happens in " + month);
                }
            }
            kinds.put(type, List.copyOf(list));
        }
        return new CaseBook(kinds);
    }

    private static Kind kind(TicketType type, JsonObject json, Map<String, Phrases> above, String where) {
        keys(json, KIND_KEYS, where);
        String category = text(json, "category", where);
        String at = where + "(" + category + ")";
        Map<String, Phrases> kindPhrases = new HashMap<>();
        for (String language : LANGUAGES) {
            kindPhrases.put(language, Phrases.parse(json.getJsonObject(language), above.get(language),
                    at + "." + language));
        }
        List<Scenario> cases = new ArrayList<>();
        JsonArray caseArray = array(json, "cases", at);
        for (int c = 0; c < caseArray.size(); c++) {
            JsonObject caseJson = caseArray.getJsonObject(c);
            String caseWhere = at + ".cases[" + c + "]";
            keys(caseJson, CASE_KEYS, caseWhere);
            String name = text(caseJson, "name", caseWhere);
            Map<String, String> codes = new HashMap<>(codes(json, at));
            codes.putAll(codes(caseJson, caseWhere));
            Scenario scenario = new Scenario(type, category, name, weight(caseJson, caseWhere),
                    months(caseJson, caseWhere), Phrases.parse(caseJson.getJsonObject("zh"), kindPhrases.get("zh"), at + "." + name + ".zh"),
                    Phrases.parse(caseJson.getJsonObject("en"), kindPhrases.get("en"), at + "." + name + ".en"),
                    Map.copyOf(codes));
            check(scenario, at + "." + name);
            cases.add(scenario);
        }
        return new Kind(weight(json, at), List.copyOf(cases));
    }

    private static void check(Scenario scenario, String where) {
        for (String language : LANGUAGES) {
            Phrases phrases = scenario.phrases(language.equals("en"));
            for (String slot : TEXTS.get(scenario.type())) {
                phrases.check(slot, where + "." + language);
            }
        }
        for (String code : CODES.getOrDefault(scenario.type(), List.of())) {
            if (!scenario.codes().containsKey(code)) {
                throw new IllegalArgumentException(where + ": no code " + code);
            }
        }
    }

    /**
     * A case of {@code type} that happens in {@code month}: a kind drawn by weight among those with such cases, then
     * one of its cases by weight.
     */
    Scenario pick(TicketType type, Month month, DemoText random) {
        List<Kind> inSeason = new ArrayList<>();
        for (Kind kind : kinds.get(type)) {
            List<Scenario> cases = kind.cases().stream().filter(scenario -> scenario.happensIn(month)).toList();
            if (!cases.isEmpty()) {
                inSeason.add(new Kind(kind.weight(), cases));
            }
        }
        return random.weighted(random.weighted(inSeason, Kind::weight).cases(), Scenario::weight);
    }

    /** Every case of {@code type}, for checks. */
    List<Scenario> scenarios(TicketType type) {
        return kinds.get(type).stream().flatMap(kind -> kind.cases().stream()).toList();
    }

    private static void keys(JsonObject json, Set<String> allowed, String where) {
        for (String key : json.fieldNames()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key " + key + " (expected one of " + allowed
                        + ")");
            }
        }
    }

    private static JsonObject object(JsonObject json, String key, String where) {
        if (!(json.getValue(key) instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + "." + key + ": expected an object");
        }
        return object;
    }

    private static JsonArray array(JsonObject json, String key, String where) {
        if (!(json.getValue(key) instanceof JsonArray array) || array.isEmpty()
                || !array.stream().allMatch(JsonObject.class::isInstance)) {
            throw new IllegalArgumentException(where + "." + key + ": expected a non-empty list of objects");
        }
        return array;
    }

    private static String text(JsonObject json, String key, String where) {
        if (!(json.getValue(key) instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(where + "." + key + ": expected a text");
        }
        return text;
    }

    private static int weight(JsonObject json, String where) {
        if (!(json.getValue("weight") instanceof Integer weight) || weight < 1) {
            throw new IllegalArgumentException(where + ".weight: expected a whole number of at least 1");
        }
        return weight;
    }

    private static Set<Month> months(JsonObject json, String where) {
        Set<Month> found = EnumSet.noneOf(Month.class);
        for (Object month : json.getJsonArray("months", new JsonArray())) {
            if (!(month instanceof Integer number) || number < 1 || number > 12) {
                throw new IllegalArgumentException(where + ".months: expected month numbers 1 to 12");
            }
            found.add(Month.of(number));
        }
        return found;
    }

    private static Map<String, String> codes(JsonObject json, String where) {
        JsonObject codes = json.getJsonObject("codes", new JsonObject());
        Map<String, String> found = new HashMap<>();
        for (String name : codes.fieldNames()) {
            found.put(name, text(codes, name, where + ".codes"));
        }
        return found;
    }
}
