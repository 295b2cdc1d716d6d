package hotline.relationship;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A customer on the at-risk list: who, the score computed in SQL, the reasons and the figures a recovery call needs. */
public record AtRiskCustomer(long id, String accountNumber, String name, String district, String tier,
                             String criticalReason, int score, List<RiskReason> risks, long complaints,
                             long openComplaints, long badFollowUps) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("accountNumber", accountNumber).put("name", name)
                .put("district", district).put("tier", tier).put("criticalReason", criticalReason).put("score", score)
                .put("risks", new JsonArray(risks.stream().map(RiskReason::code).toList()))
                .put("complaints", complaints).put("openComplaints", openComplaints).put("badFollowUps", badFollowUps);
    }
}
