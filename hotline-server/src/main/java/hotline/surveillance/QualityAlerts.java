package hotline.surveillance;

import hotline.store.SqlTime;
import hotline.surveillance.internal.Alert;
import hotline.surveillance.internal.AlertSql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The water-quality alerts raised, for whoever shows them (the API, the wallboard). Thread-safe. */
public final class QualityAlerts {

    private final Pool pool;

    public QualityAlerts(Pool pool) {
        this.pool = pool;
    }

    /** The alerts raised since {@code from}, newest first (at most 500), as the API shows them. */
    public Future<List<JsonObject>> since(Instant from) {
        return pool.preparedQuery(AlertSql.SINCE).execute(Tuple.of(SqlTime.param(from))).map(rows -> {
            List<JsonObject> alerts = new ArrayList<>();
            rows.forEach(row -> alerts.add(Alert.json(row)));
            return alerts;
        });
    }
}
