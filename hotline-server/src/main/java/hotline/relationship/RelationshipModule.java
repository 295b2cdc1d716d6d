package hotline.relationship;

import hotline.capability.Capability;
import hotline.config.ConfFiles;
import hotline.config.Config;
import hotline.http.ApiRoutes;
import hotline.relationship.internal.RelationshipRoutes;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The customer relationship: the searchable archive with its segments and saved filters ({@link CustomerArchive}),
 * every contact of a customer in one timeline ({@link ContactTimeline}), and relationship health with the customers at
 * risk ({@link RelationshipHealth}). Settings: {@value #HEALTH} (a file; default {@code conf/relationship.json}, else
 * the one in the jar), checked at start-up; {@value #AT_RISK_CACHE_SECONDS}.
 */
public final class RelationshipModule implements Capability {

    public static final String HEALTH = "relationship.health";
    /** How long one computation of the at-risk list serves the pages, counts and exports (seconds, default 60). */
    public static final String AT_RISK_CACHE_SECONDS = "relationship.atRiskCacheSeconds";

    private final CustomerArchive archive;
    private final ContactTimeline timeline;
    private final RelationshipHealth health;

    public RelationshipModule(Pool pool, Config config, Clock clock, ZoneId zone) {
        this.archive = new CustomerArchive(pool, zone, clock);
        this.timeline = new ContactTimeline(pool);
        this.health = new RelationshipHealth(pool, new HealthScorer(ConfFiles.locate(config.string(HEALTH),
                HealthWeights.FILE, HealthWeights::parse)), clock,
                Duration.ofSeconds(config.integer(AT_RISK_CACHE_SECONDS, 60, 0, 3600)));
    }

    @Override
    public String name() {
        return "relationship";
    }

    public CustomerArchive archive() {
        return archive;
    }

    public ContactTimeline timeline() {
        return timeline;
    }

    public RelationshipHealth health() {
        return health;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new RelationshipRoutes(archive, timeline, health));
    }
}
