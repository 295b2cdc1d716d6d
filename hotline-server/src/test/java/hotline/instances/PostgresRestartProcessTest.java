package hotline.instances;

import hotline.testing.Await;
import hotline.testing.ServerProcess;
import hotline.testing.SeveralInstances;
import hotline.testing.SiteClient;
import hotline.testing.TicketWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Several server processes behind nginx while their one PostgreSQL restarts. */
class PostgresRestartProcessTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SeveralInstances site;

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("PostgreSQL restarting under load: every instance is healthy again by itself, tickets are taken again, "
            + "one instance holds the AMI link again, and no acknowledged ticket is lost")
    void everyInstanceHealsAfterARestart() throws Exception {
        // given two instances behind nginx on the external PostgreSQL, with tickets being created through nginx
        site = SeveralInstances.start(2, Map.of());
        site.postgres().requireOwnServer();
        Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(15));
        SiteClient admin = SiteClient.login(http, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
        TicketWriters before = new TicketWriters(admin, site.uri("/"), "pgrestart" + System.nanoTime() % 100_000)
                .start(3, Duration.ofSeconds(3), 1_000);
        Thread.sleep(1_500);

        // when PostgreSQL stops (fast shutdown: every session cut) and starts again a second later
        Duration down = site.postgres().restart(Duration.ofSeconds(1));
        before.await();

        // then every instance answers /health 200 again without being touched
        for (ServerProcess server : site.servers()) {
            server.awaitHealthy(Duration.ofSeconds(20));
        }
        // and the site takes tickets again
        TicketWriters after = new TicketWriters(admin, site.uri("/"), before.marker()).start(3, Duration.ofSeconds(2),
                1_000).await();
        assertThat(after.acknowledged()).as("tickets acknowledged after the restart (refused: %s)", after.refused())
                .isNotEmpty();
        // and the AMI lock, lost with its session, is held by one instance again
        Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(10));
        assertThat(site.peer().loggedInSessions()).isEqualTo(1);
        // and nothing the site acknowledged, before, during or after the restart, is missing
        Set<Long> acknowledged = new HashSet<>(before.acknowledged());
        acknowledged.addAll(after.acknowledged());
        assertThat(site.missingTickets(acknowledged)).as("acknowledged tickets that are not stored").isEmpty();
        System.out.printf("PostgreSQL down %d ms; acknowledged %d before/during (refused %s), %d after%n",
                down.toMillis(), before.acknowledged().size(), before.refused(), after.acknowledged().size());
    }
}
