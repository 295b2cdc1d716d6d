package hotline.incident;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentMatcherTest {

    static final IncidentMatcher matcher = new IncidentMatcher(Duration.ofHours(2), 1000);
    static final Instant t0 = Instant.parse("2026-05-01T02:00:00Z");
    static final Coordinates peoplesSquare = new Coordinates(31.2304, 121.4737);

    static OpenIncident burst(long id, String district, Coordinates at) {
        return new OpenIncident(id, "burst_main", district, "Renmin Rd", at, t0, t0.plus(Duration.ofMinutes(10)));
    }

    static Report report(String category, String district, Coordinates at, Instant when) {
        return new Report(99, category, district, "Renmin Rd 12", at, when);
    }

    @Test
    @DisplayName("a burst report in the same district within the window attaches to the open incident")
    void attaches() {
        assertThat(matcher.match(report("burst_main", "D01", null, t0.plus(Duration.ofMinutes(30))),
                List.of(burst(1, "D01", peoplesSquare)))).map(OpenIncident::id).contains(1L);
    }

    @Test
    @DisplayName("another category, another district, too late or too far away opens a new incident")
    void doesNotAttach() {
        List<OpenIncident> open = List.of(burst(1, "D01", peoplesSquare));
        Instant soon = t0.plus(Duration.ofMinutes(30));

        assertThat(matcher.match(report("no_water", "D01", null, soon), open)).isEmpty();
        assertThat(matcher.match(report("burst_main", "D02", null, soon), open)).isEmpty();
        assertThat(matcher.match(report("burst_main", "D01", null, t0.plus(Duration.ofHours(3))), open)).isEmpty();
        assertThat(matcher.match(report("burst_main", "D01", new Coordinates(31.2504, 121.4737), soon), open)).isEmpty();
    }

    @Test
    @DisplayName("with coordinates the nearest of two incidents in the district wins")
    void nearestWins() {
        List<OpenIncident> open = List.of(burst(1, "D01", new Coordinates(31.2350, 121.4737)), burst(2, "D01", peoplesSquare));

        assertThat(matcher.match(report("burst_main", "D01", new Coordinates(31.2306, 121.4737), t0.plus(Duration.ofMinutes(20))), open))
                .map(OpenIncident::id).contains(2L);
    }

    @Test
    @DisplayName("without district codes the same location text (spacing and case aside) matches")
    void locationText() {
        OpenIncident incident = new OpenIncident(5, "hydrant", "", "Renmin  Rd 12", null, t0, t0);
        assertThat(matcher.match(new Report(1, "hydrant", "", "renmin rd 12", null, t0.plusSeconds(60)), List.of(incident)))
                .isPresent();
    }

    @Test
    @DisplayName("haversine: one degree of latitude is about 111 km")
    void haversine() {
        assertThat(new Coordinates(30, 121).distanceMetres(new Coordinates(31, 121))).isBetween(111_000.0, 111_400.0);
    }

    @Test
    @DisplayName("merge wants two different open incidents of one category; split wants some but not all children")
    void mergeAndSplitRules() {
        assertThatThrownBy(() -> IncidentRules.checkMerge(1, IncidentStatus.OPEN, "burst_main", 1, IncidentStatus.OPEN, "burst_main"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IncidentRules.checkMerge(1, IncidentStatus.OPEN, "burst_main", 2, IncidentStatus.CLOSED, "burst_main"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> IncidentRules.checkMerge(1, IncidentStatus.OPEN, "burst_main", 2, IncidentStatus.OPEN, "water_quality"))
                .isInstanceOf(InvalidInputException.class);
        IncidentRules.checkMerge(1, IncidentStatus.OPEN, "burst_main", 2, IncidentStatus.OPEN, "burst_main");

        assertThatThrownBy(() -> IncidentRules.checkSplit(IncidentStatus.OPEN, Set.of(1L, 2L), Set.of(1L, 2L)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> IncidentRules.checkSplit(IncidentStatus.OPEN, Set.of(1L, 2L), Set.of(3L)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a report");
        IncidentRules.checkSplit(IncidentStatus.OPEN, Set.of(1L, 2L), Set.of(2L));
    }
}
