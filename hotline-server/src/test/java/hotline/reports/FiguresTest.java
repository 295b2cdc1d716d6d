package hotline.reports;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FiguresTest {

    @Test
    @DisplayName("service level is answered within the threshold ÷ (answered + abandoned − short abandons)")
    void serviceLevel() {
        // 80 answered (70 within 20 s), 25 abandoned of which 5 hung up within the short-abandon threshold.
        Figures.Calls calls = new Figures.Calls(105, 80, 25, 5, 70, 80 * 30, 80 * 200);

        assertThat(calls.serviceLevel()).isCloseTo(70.0 / 100, within(1e-9));
        assertThat(calls.asa()).isEqualTo(30.0);
        assertThat(calls.aht()).isEqualTo(200.0);
    }

    @Test
    @DisplayName("with only short abandons there is no service level to state, and no ASA or AHT without answers")
    void serviceLevelWithoutCalls() {
        Figures.Calls calls = new Figures.Calls(3, 0, 3, 3, 0, 0, 0);

        assertThat(calls.serviceLevel()).isNull();
        assertThat(calls.asa()).isNull();
        assertThat(calls.aht()).isNull();
        assertThat(calls.values()).containsEntry("offered", 3L).containsEntry("serviceLevel", null);
    }

    @Test
    @DisplayName("first-contact resolution leaves the contacts whose 7 days are not over out of the rate")
    void firstContact() {
        Figures.FirstContact fcr = new Figures.FirstContact(10, 2, 3);

        assertThat(fcr.resolvedFirst()).isEqualTo(5);
        assertThat(fcr.rate()).isCloseTo(5.0 / 7, within(1e-9));
        assertThat(new Figures.FirstContact(4, 0, 4).rate()).isNull();
    }

    @Test
    @DisplayName("complaints per 1,000 customers: 3 complaints among 1,500 customers is 2.0; a district without customers has no rate")
    void perThousand() {
        assertThat(new Figures.Complaints(3, 1_500).perThousand()).isEqualTo(2.0);
        assertThat(new Figures.Complaints(3, 0).perThousand()).isNull();
        assertThat(new Figures.Complaints(0, 10).perThousand()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("SLA compliance counts met against met + breached; pending targets are not yet judged")
    void slaCompliance() {
        Figures.Sla sla = new Figures.Sla(10, 6, 2, 2, 1);

        assertThat(sla.compliance()).isEqualTo(0.75);
        assertThat(new Figures.Sla(2, 0, 0, 2, 0).compliance()).isNull();
    }

    @Test
    @DisplayName("CSAT is the share of answers of 4 or 5, next to the average score")
    void satisfaction() {
        Figures.Satisfaction csat = new Figures.Satisfaction(4, 5 + 4 + 3 + 2, 2);

        assertThat(csat.csat()).isEqualTo(0.5);
        assertThat(csat.average()).isEqualTo(3.5);
    }

    @Test
    @DisplayName("every report's rows carry exactly its measures, in its column order")
    void measuresMatchReports() {
        assertThat(new Figures.Tickets(1).values().keySet()).containsExactlyElementsOf(Report.TICKETS.measures());
        assertThat(new Figures.Calls(1, 1, 0, 0, 1, 1, 1).values().keySet())
                .containsExactlyElementsOf(Report.CALLS.measures());
        assertThat(new Figures.FirstContact(1, 0, 0).values().keySet()).containsExactlyElementsOf(Report.FCR.measures());
        assertThat(new Figures.Sla(1, 1, 0, 0, 0).values().keySet()).containsExactlyElementsOf(Report.SLA.measures());
        assertThat(new Figures.Satisfaction(1, 5, 1).values().keySet())
                .containsExactlyElementsOf(Report.SATISFACTION.measures());
        assertThat(new Figures.Complaints(1, 1).values().keySet())
                .containsExactlyElementsOf(Report.COMPLAINTS.measures());
    }
}
