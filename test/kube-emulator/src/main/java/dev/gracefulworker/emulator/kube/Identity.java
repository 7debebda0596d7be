package dev.gracefulworker.emulator.kube;

import java.util.List;

/**
 * Who a request is from, as the API server's authenticator (and impersonation) says.
 *
 * @param user the user name
 * @param groups the groups, {@code system:authenticated} included
 */
record Identity(String user, List<String> groups) {

    static final String MASTERS = "system:masters";
    static final String AUTHENTICATED = "system:authenticated";

    /** Every token the emulator accepts belongs to its one user, a cluster administrator. */
    static final Identity ADMIN = new Identity("kubernetes-admin", List.of(MASTERS, AUTHENTICATED));

    Identity {
        groups = List.copyOf(groups);
    }

    /** {@code Impersonate-User} / {@code Impersonate-Group}: the named user in the named groups, authenticated. */
    static Identity impersonated(String user, List<String> groups) {
        var all = new java.util.ArrayList<>(groups);
        if (!all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new Identity(user, all);
    }
}
