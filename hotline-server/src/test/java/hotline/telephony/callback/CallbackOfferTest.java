package hotline.telephony.callback;

import hotline.config.Config;
import hotline.customer.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackOfferTest {

    @Test
    @DisplayName("The wait is position times average handle time over staffed agents, rounded up")
    void estimateFromHandleTime() {
        assertThat(WaitEstimate.of(3, 2, 100.0, 5.0, 500).seconds()).isEqualTo(200);
        assertThat(WaitEstimate.of(0, 3, 100.0, null, 0).seconds()).isEqualTo(34);
    }

    @Test
    @DisplayName("Without a handle time today the average wait, or the longest live wait if longer, is the estimate; a quiet queue has none")
    void estimateFallbacks() {
        assertThat(WaitEstimate.of(4, 1, null, 42.4, 30).seconds()).isEqualTo(43);
        assertThat(WaitEstimate.of(4, 1, null, null, 250).seconds()).isEqualTo(250);
        assertThat(WaitEstimate.of(0, 1, null, null, 0).seconds()).isZero();
    }

    @Test
    @DisplayName("Callers waiting with no staffed agent wait without bound; an empty unstaffed queue does not")
    void nobodyStaffed() {
        assertThat(WaitEstimate.of(1, 0, 60.0, 60.0, 5).seconds()).isEqualTo(WaitEstimate.UNBOUNDED);
        assertThat(WaitEstimate.of(0, 0, 60.0, 60.0, 0).seconds()).isZero();
        assertThatThrownBy(() -> WaitEstimate.of(-1, 0, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Thresholds come from settings per tier, defaults 60/180/300, and an unknown tier counts as ordinary")
    void thresholds() {
        CallbackThresholds defaults = CallbackThresholds.from(new Config(new JsonObject(), Map.of()));
        assertThat(defaults).isEqualTo(new CallbackThresholds(60, 180, 300));
        CallbackThresholds set = CallbackThresholds.from(new Config(new JsonObject(), Map.of(
                Config.envName(CallbackThresholds.SETTING_PREFIX + "key"), "30")));
        assertThat(set.secondsFor(Tier.KEY)).isEqualTo(30);
        assertThat(defaults.secondsFor(null)).isEqualTo(180);
    }

    @Test
    @DisplayName("A callback is offered only when the estimate exceeds the caller's tier threshold")
    void offer() {
        CallbackThresholds thresholds = new CallbackThresholds(60, 180, 300);
        WaitEstimate twoMinutes = new WaitEstimate(120);
        assertThat(thresholds.offerCallback(Tier.KEY, twoMinutes)).isTrue();
        assertThat(thresholds.offerCallback(Tier.ORDINARY, twoMinutes)).isFalse();
        assertThat(thresholds.offerCallback(Tier.SMALL, new WaitEstimate(300))).isFalse();
        assertThat(thresholds.offerCallback(Tier.SMALL, new WaitEstimate(301))).isTrue();
    }

    @Test
    @DisplayName("The queue board's snapshot gives waiting callers, staffed and available members and today's averages")
    void loadFromBoard() {
        JsonObject snapshot = new JsonObject().put("queues", new JsonArray().add(new JsonObject().put("name", "hotline")
                .put("waiting", new JsonArray().add(new JsonObject().put("waitSeconds", 70)).add(new JsonObject().put("waitSeconds", 12)))
                .put("members", new JsonArray()
                        .add(new JsonObject().put("interface", "PJSIP/8001").put("state", "available"))
                        .add(new JsonObject().put("interface", "PJSIP/8002").put("state", "in_call"))
                        .add(new JsonObject().put("interface", "PJSIP/8003").put("state", "paused")))
                .put("today", new JsonObject().put("averageHandleSeconds", 90.0).putNull("averageWaitSeconds"))));
        QueueLoad load = QueueLoad.of(snapshot, "hotline");
        assertThat(load).isEqualTo(new QueueLoad(2, 2, List.of("PJSIP/8001"), 90.0, null, 70));
        assertThat(load.estimate().seconds()).isEqualTo(135);
        assertThat(QueueLoad.of(snapshot, "other").estimate().seconds()).isZero();
    }
}
