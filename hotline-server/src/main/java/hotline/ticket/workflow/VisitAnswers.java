package hotline.ticket.workflow;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The answers of a return call (回访), as the complaint's {@code follow_up} action and the follow-up outcome take them:
 * whether the customer was reached, and the satisfaction as a small hierarchy of indicators — the overall, and under
 * it speed, attitude and result, each 1 (very dissatisfied) to 5 (very satisfied). The overall is asked
 * ({@code satisfaction}, its name since before there were indicators) or, when it was not asked but the three others
 * were, derived as their mean rounded half up. A dissatisfied customer (overall 1–2) gives at least one reason code;
 * a satisfied or neutral one none. Which reason codes exist is the follow-up capability's to check. An unreachable
 * customer answered nothing, so nothing but a comment goes with that outcome.
 */
public record VisitAnswers(Outcome outcome, Integer overall, boolean overallDerived, Integer speed, Integer attitude,
                           Integer result, List<String> reasons, String reasonText, String comment) {

    /** Whether the call reached the customer. */
    public enum Outcome implements Code { ANSWERED, UNREACHABLE }

    /** An overall of this or more is satisfied (as CSAT counts it). */
    public static final int SATISFIED_FROM = 4;
    /** An overall of this or less is dissatisfied: reasons are asked, and a complaint reopens. */
    public static final int DISSATISFIED_UP_TO = 2;
    /** The indicators under the overall, in the order they are asked. */
    public static final List<String> INDICATORS = List.of("speed", "attitude", "result");

    /** The fields, as the {@code follow_up} action and the follow-up outcome read them. */
    public static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.choice("outcome", Code.codes(Outcome.class)).optional(),
            FieldSpec.integer("satisfaction", 1, 5).optional(),
            FieldSpec.integer("speed", 1, 5).optional(),
            FieldSpec.integer("attitude", 1, 5).optional(),
            FieldSpec.integer("result", 1, 5).optional(),
            FieldSpec.codes("reasons", 10).optional(),
            FieldSpec.text("reasonText", 500).optional(),
            FieldSpec.text("comment").optional());

    public VisitAnswers {
        reasons = List.copyOf(reasons);
    }

    /**
     * The answers in {@code input} (already read against {@link #FIELDS}), checked together.
     *
     * @throws InvalidInputException naming {@code <prefix>.<field>} (or the bare field for an empty prefix)
     */
    public static VisitAnswers of(JsonObject input, String prefix) {
        Outcome outcome = Code.parse(Outcome.class, input.getString("outcome")).orElse(Outcome.ANSWERED);
        List<String> reasons = input.getJsonArray("reasons", new JsonArray()).stream().map(String.class::cast).toList();
        String comment = input.getString("comment");
        if (outcome == Outcome.UNREACHABLE) {
            for (String answer : List.of("satisfaction", "speed", "attitude", "result", "reasons", "reasonText")) {
                if (input.containsKey(answer)) {
                    throw new InvalidInputException(named(prefix, answer),
                            answer + " cannot be given: the customer was not reached");
                }
            }
            return new VisitAnswers(outcome, null, false, null, null, null, List.of(), null, comment);
        }
        Integer speed = score(input, "speed");
        Integer attitude = score(input, "attitude");
        Integer result = score(input, "result");
        Integer overall = score(input, "satisfaction");
        boolean derived = overall == null;
        if (derived) {
            if (speed == null || attitude == null || result == null) {
                throw new InvalidInputException(named(prefix, "satisfaction"), "the overall satisfaction (1–5) is "
                        + "required, unless speed, attitude and result are all given to derive it from");
            }
            overall = Math.round((speed + attitude + result) / 3f);
        }
        if (comment == null) {
            throw new InvalidInputException(named(prefix, "comment"), "comment (what the customer said) is required");
        }
        boolean dissatisfied = overall <= DISSATISFIED_UP_TO;
        if (dissatisfied && reasons.isEmpty()) {
            throw new InvalidInputException(named(prefix, "reasons"), "a dissatisfied customer's reasons (overall "
                    + overall + ") are required");
        }
        if (!dissatisfied && !reasons.isEmpty()) {
            throw new InvalidInputException(named(prefix, "reasons"), "reasons are given only by a dissatisfied "
                    + "customer (overall 1–" + DISSATISFIED_UP_TO + "), not at " + overall);
        }
        if (reasons.isEmpty() && input.containsKey("reasonText")) {
            throw new InvalidInputException(named(prefix, "reasonText"), "reasonText goes with a reason");
        }
        return new VisitAnswers(outcome, overall, derived, speed, attitude, result, reasons,
                input.getString("reasonText"), comment);
    }

    private static Integer score(JsonObject input, String name) {
        Long value = input.getLong(name);
        return value == null ? null : value.intValue();
    }

    private static String named(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public boolean dissatisfied() {
        return overall != null && overall <= DISSATISFIED_UP_TO;
    }

    /** The answers as a ticket's {@code details.followUp} and its event keep them ({@code satisfaction}: the overall). */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("outcome", outcome.code());
        put(json, "satisfaction", overall);
        put(json, "overallDerived", overall == null ? null : overallDerived);
        put(json, "speed", speed);
        put(json, "attitude", attitude);
        put(json, "result", result);
        put(json, "reasons", reasons.isEmpty() ? null : new JsonArray(reasons));
        put(json, "reasonText", reasonText);
        put(json, "comment", comment);
        return json;
    }

    private static void put(JsonObject json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
