package hotline.ticket.workflow;

import hotline.common.InvalidInputException;

/**
 * Someone a ticket can be with: a user (by user name) or a team (by its code in {@code conf/teams.json}). Its
 * {@link #key} is how it is stored and filtered by: the user name, or {@value #TEAM_PREFIX}{@code <code>} (user names
 * have no colon, so the two never clash).
 */
public record Assignee(boolean team, String name) {

    public static final String TEAM_PREFIX = "team:";
    /** Longest user name or team code, in characters. */
    public static final int MAX_NAME = 32;

    public static Assignee user(String username) {
        return new Assignee(false, username);
    }

    public static Assignee team(String code) {
        return new Assignee(true, code);
    }

    /** The assignee a {@link #key} names. */
    public static Assignee ofKey(String key) {
        return key.startsWith(TEAM_PREFIX) ? team(key.substring(TEAM_PREFIX.length())) : user(key);
    }

    public String key() {
        return team ? TEAM_PREFIX + name : name;
    }

    /**
     * The one target the {@code reassign} fields name: {@code assignee} (a user name) or {@code team} (a team code).
     *
     * @throws InvalidInputException on {@code fields.assignee} when neither or both are given
     */
    static Assignee named(String assignee, String team) {
        if ((assignee == null) == (team == null)) {
            throw new InvalidInputException("fields.assignee", "name either a user (assignee) or a team (team), one of them");
        }
        return assignee != null ? user(assignee) : team(team);
    }
}
