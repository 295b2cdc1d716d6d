package hotline.telephony.peer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialplanTest {

    @Test
    @DisplayName("the shipped dialplan keeps the caller for the survey after the agent; Queue() without option c would not")
    void queueOptions() {
        assertThat(Dialplan.shipped().afterAgentHangsUp()).contains("survey");

        Dialplan withoutC = Dialplan.parse("""
                [hotline-inbound]
                exten => s,1,Queue(hotline,t,,,600)
                 same => n(survey),AGI(agi://${HOTLINE_HOST}:${HOTLINE_AGI_PORT}/survey)
                """);
        assertThat(withoutC.afterAgentHangsUp()).isEmpty();
    }
}
