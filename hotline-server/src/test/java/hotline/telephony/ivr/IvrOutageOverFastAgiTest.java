package hotline.telephony.ivr;

import hotline.telephony.peer.AgiPeer;
import hotline.telephony.peer.AgiPeer.Caller;
import hotline.telephony.peer.AgiPeer.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IVR's planned-outage announcement as Asterisk drives it (the AGI peer over TCP, byte for byte): an identified
 * caller whose address has a planned shut-off hears it before anything else, its window read with SAY DATETIME and
 * SAY NUMBER in the words of the flow file; then the call goes on as usual.
 */
class IvrOutageOverFastAgiTest {

    private static final FakeIvrServices services = new FakeIvrServices();
    private static final LocalDate START_DAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate END_DAY = LocalDate.of(2026, 12, 3);
    private static VirtualThreadAgiServer server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        FastAgiFixture fixture = FastAgiFixture.start(List.of("ivr"), services, new FakeCallbackDesk());
        server = fixture.server();
        port = fixture.port();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void clear() {
        services.outages.clear();
    }

    private static String date(LocalDate day) {
        return "datetime:" + day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC) + " YBd UTC";
    }

    @Test
    @DisplayName("a caller from the area of a planned shut-off hears when the water goes off and comes back, then the main menu")
    void plannedOutageAnnounced() throws Exception {
        // given a shut-off of Wang's address from 08:00 on 2 December to 18:30 on 3 December, not started yet
        services.outages.put(FakeIvrServices.WANG.id(), new KnownOutage(12, false, START_DAY.atTime(8, 0),
                END_DAY.atTime(18, 30)));

        // when Wang calls and lets the main menu time out
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "timeout", "timeout", "timeout"));

        // then the window is read out in the flow's words (no minutes said for a whole hour), before the main menu
        assertThat(call.heard().subList(0, 10)).containsExactly("hotline/outage-planned", date(START_DAY), "number:8",
                "hotline/oclock", "hotline/outage-until", date(END_DAY), "number:18", "hotline/oclock", "number:30",
                "hotline/minutes");
        assertThat(call.heard().subList(10, 12)).containsExactly("hotline/outage-prepare", "hotline/main-menu");
        assertThat(call.commands()).contains("SAY DATETIME " + START_DAY.atTime(12, 0).toEpochSecond(ZoneOffset.UTC)
                + " \"\" \"YBd\" \"UTC\"", "SAY NUMBER \"18\" \"\"");
        assertThat(call.replies()).noneMatch(reply -> reply.startsWith("510") || reply.startsWith("520"));
        assertThat(call.variables().get("HOTLINE_IVR_PATH")).startsWith("identify>planned_outage>say_outage_planned>");
    }

    @Test
    @DisplayName("a caller during a running shut-off hears that the supply is off and when it is expected back")
    void runningOutageAnnounced() throws Exception {
        services.outages.put(FakeIvrServices.WANG.id(), new KnownOutage(13, true, LocalDateTime.of(START_DAY,
                java.time.LocalTime.of(7, 45)), END_DAY.atTime(6, 0)));

        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "0"));

        assertThat(call.heard()).startsWith("hotline/outage-running", date(START_DAY), "number:7", "hotline/oclock",
                "number:45", "hotline/minutes", "hotline/outage-until", date(END_DAY), "number:6", "hotline/oclock",
                "hotline/outage-expected-back", "hotline/main-menu");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
    }

    @Test
    @DisplayName("a caller without a shut-off, or one the IVR could not identify, hears no announcement")
    void noOutageNoAnnouncement() throws Exception {
        services.outages.put(FakeIvrServices.HOSPITAL.id(), new KnownOutage(14, true, START_DAY.atTime(8, 0),
                END_DAY.atTime(8, 0)));

        Transcript wang = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "0"));
        Transcript stranger = AgiPeer.call(port, Caller.of("13900000000", "0"));

        assertThat(wang.heard()).first().isEqualTo("hotline/main-menu");
        assertThat(wang.heard()).noneMatch(sound -> sound.startsWith("hotline/outage"));
        assertThat(stranger.heard()).noneMatch(sound -> sound.startsWith("hotline/outage"));
    }
}
