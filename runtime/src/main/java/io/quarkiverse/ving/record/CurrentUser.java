package io.quarkiverse.ving.record;

import java.util.Collection;

/**
 * Who is asking: ving's {@code currentUser}, a User record or a Session. Records of a kind with role props (ving's
 * User: {@code admin}, {@code developer}, {@code verifiedEmail}) are one; an application's session may be one too.
 * Ownership, descriptions and posted props are decided against it.
 */
public interface CurrentUser {

    /**
     * ving's {@code isRole}: whether the user has the role. {@code public} is everyone's; {@code owner} is never
     * answered here (a record's {@code isOwner} decides it).
     */
    boolean isRole(String role);

    /** ving's {@code getRoleProp}: a prop of the user, {@code id} above all (a number, or ving's string id). */
    Object getRoleProp(String name);

    /** ving's {@code isaRole}: whether the user has any of the roles. */
    default boolean isaRole(Collection<String> roles) {
        return roles.stream().anyMatch(this::isRole);
    }

    /** ving's {@code isRoleOrDie}: true, or an {@link Ouch} 403 naming the role. */
    default boolean isRoleOrDie(String role) {
        if (!isRole(role)) {
            throw new Ouch(Ouch.FORBIDDEN, "Not a member of " + role, role);
        }
        return true;
    }
}
