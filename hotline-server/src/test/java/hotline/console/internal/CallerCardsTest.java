package hotline.console.internal;

import hotline.search.SearchHit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallerCardsTest {

    private static SearchHit hit(long id, String resolution) {
        return new SearchHit(id, "HL-20261101-00000" + id, "repair", "closed", "03", "楼道水管漏水", List.of(), 1f,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, resolution, null, null);
    }

    @Test
    @DisplayName("similar cases with the same resolution collapse into the best one, with how many there were")
    void collapsesNearDuplicates() {
        JsonArray similar = CallerCards.collapse(List.of(hit(1, "换阀门"), hit(2, "换阀门"), hit(3, "保温包扎"), hit(4, "换阀门")));

        assertThat(similar).hasSize(2);
        JsonObject first = similar.getJsonObject(0);
        assertThat(first.getLong("id")).isEqualTo(1L);
        assertThat(first.getInteger("count")).isEqualTo(3);
        assertThat(similar.getJsonObject(1).getInteger("count")).isEqualTo(1);
    }
}
