package hotline.sla;

import hotline.config.ConfFiles;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The teams a supervisor may give a ticket to besides a single user (管网抢修所, 计量所, ...), from
 * {@code conf/teams.json}: a code, a label per console language, and whether the team still takes tickets (a team
 * that stopped stays listed so its old tickets keep its name). Immutable and thread-safe.
 */
public final class Teams {

    public static final String FILE = "teams.json";
    private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{2,32}");

    /** One team; {@code zh} and {@code en} are its labels in the console's languages. */
    public record Team(String code, String zh, String en, boolean active) {

        public String label(String lang) {
            return "en".equals(lang) ? en : zh;
        }

        public JsonObject toJson() {
            return new JsonObject().put("code", code).put("zh", zh).put("en", en).put("active", active);
        }
    }

    private final List<Team> teams;

    public Teams(List<Team> teams) {
        this.teams = List.copyOf(teams);
    }

    /** From {@code configured} (a path), else {@code conf/teams.json}, else the default shipped in the jar. */
    public static Teams locate(Optional<String> configured) {
        return ConfFiles.locate(configured, FILE, Teams::parse);
    }

    /** Parses {@code {"teams": [{"code", "zh", "en"?, "active"?}]}}; {@code en} defaults to {@code zh}, active to true. */
    public static Teams parse(JsonObject json) {
        if (!(json.getValue("teams") instanceof JsonArray array)) {
            throw new ConfigException("teams: a list is required (it may be empty)");
        }
        List<Team> teams = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "teams[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject team)) {
                throw new ConfigException(where + ": an object is required");
            }
            if (!(team.getValue("code") instanceof String code) || !CODE.matcher(code).matches()) {
                throw new ConfigException(where + ".code: 2 to 32 of a-z, 0-9, _ and - are required");
            }
            if (!codes.add(code)) {
                throw new ConfigException(where + ".code: " + code + " is listed twice");
            }
            if (!(team.getValue("zh") instanceof String zh) || zh.isBlank()) {
                throw new ConfigException(where + ".zh: the team's name is required");
            }
            if (!(team.getValue("active", true) instanceof Boolean active)) {
                throw new ConfigException(where + ".active: true or false is required");
            }
            teams.add(new Team(code, zh, team.getValue("en") instanceof String en && !en.isBlank() ? en : zh, active));
        }
        return new Teams(teams);
    }

    /** Every team, in the order of the file. */
    public List<Team> all() {
        return teams;
    }

    public Optional<Team> find(String code) {
        return teams.stream().filter(team -> team.code().equals(code)).findFirst();
    }
}
