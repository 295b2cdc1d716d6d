package hotline.ticket.internal;

import hotline.ticket.TicketFilter;
import hotline.ticket.TicketStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketListingTest {

    @Test
    @DisplayName("only the criteria that are set become conditions, numbered in order, then limit and offset")
    void conditionsForSetCriteriaOnly() {
        TicketListing listing = TicketListing.of(new TicketFilter(TicketStatus.REPORTED, null, null, "D3", 2, 25));

        assertThat(listing.page()).isEqualTo("SELECT * FROM tickets WHERE status = $1 AND district = $2"
                + " ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4");
        assertThat(listing.pageParameters().deepToString()).isEqualTo("[reported,D3,25,50]");
        assertThat(listing.count()).isEqualTo("SELECT count(*) FROM tickets WHERE status = $1 AND district = $2");
        assertThat(listing.countParameters().deepToString()).isEqualTo("[reported,D3]");
    }

    @Test
    @DisplayName("no criteria: every ticket, no WHERE")
    void noCriteria() {
        TicketListing listing = TicketListing.of(TicketFilter.all());

        assertThat(listing.page())
                .isEqualTo("SELECT * FROM tickets ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2");
        assertThat(listing.count()).isEqualTo("SELECT count(*) FROM tickets");
        assertThat(listing.countParameters().size()).isZero();
    }
}
