package hotline.sla;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.customer.Tier;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.EscalationLevel;

import java.util.function.Function;

/**
 * What {@link SlaBoard#list} shows: every non-null criterion must match. {@code owner} is an
 * {@link hotline.ticket.workflow.Assignee#key} (a user name or {@code team:<code>}); {@code page} is 0-based,
 * {@code size} 1..{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}).
 */
public record BoardFilter(TicketType type, String district, Tier tier, EscalationLevel level, String owner,
                          BoardState state, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;
    /** Longest district and owner accepted, in characters (as the contract says). */
    public static final int MAX_DISTRICT = 100;
    public static final int MAX_OWNER = 40;

    public BoardFilter {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (district != null && (district.isBlank() || district.length() > MAX_DISTRICT)) {
            throw new InvalidInputException("district", "must be 1 to " + MAX_DISTRICT + " characters");
        }
        if (owner != null && (owner.isBlank() || owner.length() > MAX_OWNER)) {
            throw new InvalidInputException("owner", "must be a user name or team:<code>");
        }
    }

    /**
     * The filter the named parameters give ({@code param} answers null or blank for one not given); a value that is not
     * one of its codes, or a page or size that is no number, is refused naming the parameter.
     */
    public static BoardFilter parse(Function<String, String> param) {
        return new BoardFilter(code(param, "type", TicketType.class), text(param, "district"),
                code(param, "tier", Tier.class), code(param, "level", EscalationLevel.class), text(param, "owner"),
                code(param, "state", BoardState.class), number(param, "page", 0), number(param, "size", DEFAULT_SIZE));
    }

    private static String text(Function<String, String> param, String name) {
        String value = param.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static <E extends Enum<E> & Code> E code(Function<String, String> param, String name, Class<E> type) {
        String value = text(param, name);
        return value == null ? null : Code.parse(type, value).orElseThrow(() ->
                new InvalidInputException(name, "must be one of " + Code.codes(type)));
    }

    private static int number(Function<String, String> param, String name, int absent) {
        String value = text(param, name);
        try {
            return value == null ? absent : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number");
        }
    }
}
