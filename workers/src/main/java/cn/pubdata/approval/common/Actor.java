package cn.pubdata.approval.common;

import java.util.Set;

/**
 * Who does something, as the services record it: the login, the person's name, their company (operators and
 * partners) or their units (reviewers' groups), and the unit the audit log names: the company's name, or the Chinese
 * name of the reviewer's unit.
 */
public record Actor(String username, String name, Kind kind, String creditCode, Set<String> groups, String unit) {

    public enum Kind {
        OPERATOR,
        PARTNER,
        REVIEWER,
        WORKER
    }

    public static Actor reviewer(String username, Set<String> groups) {
        return new Actor(username, username, Kind.REVIEWER, null, Set.copyOf(groups), null);
    }

    public static Actor operator(String username, String creditCode) {
        return new Actor(username, username, Kind.OPERATOR, creditCode, Set.of(), null);
    }

    /** The system itself, when a flow acts on a timer or another flow's outcome. */
    public static Actor system() {
        return new Actor("系统", "系统", Kind.WORKER, null, Set.of(), null);
    }

    /** How the timeline names the actor: the person, and their company or first unit where known. */
    public String label() {
        String person = person();
        return unit == null || unit.isBlank() || unit.equals(person) ? person : person + "（" + unit + "）";
    }

    /** The person's name, or the login where the token carries none. */
    public String person() {
        return name == null || name.isBlank() ? username : name;
    }
}
