package hotline.sla;

import hotline.auth.User;
import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.ticket.workflow.ActionGuard;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The check before a {@code reassign}: the user it names ({@code fields.assignee}) must exist and be active, the team
 * ({@code fields.team}) must be one of the {@link Teams} that still take tickets; else 422 naming the field. A value
 * of the wrong kind passes here: the workflow's own field check names it.
 */
final class ReassignCheck implements ActionGuard {

    private final UserService users;
    private final Teams teams;

    ReassignCheck(UserService users, Teams teams) {
        this.users = users;
        this.teams = teams;
    }

    @Override
    public Future<Void> check(long ticketId, String action, JsonObject fields) {
        if (!"reassign".equals(action)) {
            return Future.succeededFuture();
        }
        if (fields.getValue("team") instanceof String code) {
            Teams.Team team = teams.find(code).orElse(null);
            if (team == null || !team.active()) {
                return Future.failedFuture(new InvalidInputException("fields.team", team == null
                        ? "no team has the code " + code : "team " + code + " no longer takes tickets"));
            }
        }
        if (!(fields.getValue("assignee") instanceof String username)) {
            return Future.succeededFuture();
        }
        return users.findByUsername(username).compose(user -> {
            if (user.filter(User::active).isPresent()) {
                return Future.succeededFuture();
            }
            return Future.failedFuture(new InvalidInputException("fields.assignee", user.isEmpty()
                    ? "no user is named " + username : "user " + username + " is deactivated"));
        });
    }
}
