package hotline.console.internal.slaboard;

import hotline.auth.Role;
import hotline.auth.User;
import hotline.console.internal.Lang;
import hotline.sla.Teams;
import hotline.ticket.workflow.Assignee;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a ticket can be with, as the SLA board shows them in the viewer's language: the users (by display name) and the
 * teams (by label), for the owner filter, the reassign dialog and the owner column. An owner no user or team has (a
 * duty-roster name without an account) is shown as it is stored.
 */
record Owners(List<User> users, List<Teams.Team> teams, Lang lang) {

    /** The label of an {@link Assignee#key}. */
    String label(String key) {
        Assignee owner = Assignee.ofKey(key);
        if (owner.team()) {
            return teams.stream().filter(team -> team.code().equals(owner.name())).findFirst()
                    .map(team -> team.label(lang.code())).orElse(owner.name());
        }
        return users.stream().filter(user -> user.username().equals(owner.name())).findFirst()
                .map(User::displayName).orElse(owner.name());
    }

    /** Every user and team as options {@code key, label}, the teams after the people. */
    Map<String, Object> filterOptions() {
        Map<String, Object> options = new HashMap<>();
        options.put("people", users.stream().map(user -> option(user.username(), user.displayName())).toList());
        options.put("teams", teams.stream().map(team -> option(Assignee.team(team.code()).key(),
                team.label(lang.code()))).toList());
        return options;
    }

    /** Who a ticket may be given to: the active agents, the active supervisors and the teams that take tickets. */
    Map<String, Object> targets() {
        List<User> active = users.stream().filter(User::active).toList();
        Map<String, Object> targets = new HashMap<>();
        targets.put("agents", active.stream().filter(user -> user.role() == Role.AGENT)
                .map(user -> option(user.username(), user.displayName())).toList());
        targets.put("supervisors", active.stream().filter(user -> user.role() != Role.AGENT)
                .map(user -> option(user.username(), user.displayName())).toList());
        targets.put("teams", teams.stream().filter(Teams.Team::active)
                .map(team -> option(team.code(), team.label(lang.code()))).toList());
        return targets;
    }

    private static Map<String, String> option(String key, String label) {
        return Map.of("key", key, "label", label);
    }
}
