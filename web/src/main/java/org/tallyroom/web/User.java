package org.tallyroom.web;

import java.util.Set;

/**
 * A signed-in member of the count team (by session or API token).
 *
 * @param id       row id
 * @param username their user name
 * @param roles    what they hold
 */
public record User(long id, String username, Set<Role> roles) {
    public User {
        roles = Set.copyOf(roles);
    }

    /** Whether this user may act in {@code role}: holding it, or being an administrator. */
    public boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN)
                || role == Role.RESULTS_ENTRY && roles.contains(Role.RETURNING_OFFICER);
    }
}
