package hotline.followup.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

/**
 * The answers of a return call (as {@code VisitAnswers.toJson} writes them, in a ticket event or from the outcome)
 * as the parameters of {@link FollowUpSql#COMPLETE} and {@link FollowUpSql#COMPLETE_FOR_TICKET}: outcome,
 * satisfaction, overall derived, speed, attitude, result, reasons, reason text, comment.
 */
public final class AnswerColumns {

    private AnswerColumns() {
    }

    /** {@code head} followed by the answers' columns. */
    public static Tuple after(Tuple head, JsonObject answers) {
        JsonArray reasons = answers.getJsonArray("reasons", new JsonArray());
        return head.addString(answers.getString("outcome", "answered"))
                .addInteger(answers.getInteger("satisfaction"))
                .addBoolean(answers.getBoolean("overallDerived", false))
                .addInteger(answers.getInteger("speed"))
                .addInteger(answers.getInteger("attitude"))
                .addInteger(answers.getInteger("result"))
                .addArrayOfString(reasons.stream().map(String::valueOf).toArray(String[]::new))
                .addString(answers.getString("reasonText"))
                .addString(answers.getString("comment"));
    }
}
