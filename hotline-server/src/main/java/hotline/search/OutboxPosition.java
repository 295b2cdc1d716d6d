package hotline.search;

import java.util.regex.Pattern;

/**
 * How far the index has read the outbox: the PostgreSQL snapshot ({@code pg_snapshot} text, {@code xmin:xmax:xip,...})
 * it last read at. Every outbox row of a transaction that snapshot saw as finished is applied; rows of the others
 * (still running then, or not yet begun) come later, whatever order their ids were drawn in. Compared only in SQL.
 */
public record OutboxPosition(String snapshot) {

    private static final Pattern SNAPSHOT = Pattern.compile("\\d+:\\d+:(\\d+(,\\d+)*)?");

    public OutboxPosition {
        if (snapshot == null || !SNAPSHOT.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("not a pg_snapshot: " + snapshot);
        }
    }

    @Override
    public String toString() {
        return snapshot;
    }
}
