package hotline.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link SearchIndexDurabilityTest}: applies and commits tickets 1..3 (outbox position 3),
 * applies ticket 4 (position 4) without committing, says "ready" and waits to be killed (or, should the test JVM die
 * first, for its standard input to close).
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        SearchIndex index = SearchIndex.open(Path.of(args[0]), Vocabulary.empty());
        index.apply(List.of(Tickets.ticket(1, "repair", "north", "爆管", "门口爆管"),
                Tickets.ticket(2, "repair", "north", "漏水", "厨房漏水"),
                Tickets.ticket(3, "repair", "north", "停水", "整栋楼停水")), Tickets.position(3));
        index.commit();
        index.apply(List.of(Tickets.ticket(4, "repair", "north", "水压低", "水压很低")), Tickets.position(4));
        index.refresh();
        System.out.println("ready");
        System.out.flush();
        System.in.read();
    }
}
