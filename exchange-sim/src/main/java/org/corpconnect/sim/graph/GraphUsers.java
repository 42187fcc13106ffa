package org.corpconnect.sim.graph;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * Graph names a user by object id (a GUID) or user principal name; the simulated directory has
 * addresses only, so a user's object id is derived from its address, stable across restarts.
 */
public final class GraphUsers {
    private GraphUsers() {
    }

    public static String objectId(MailboxAddress address) {
        return UUID.nameUUIDFromBytes(("user:" + address.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Optional<Mailbox> find(Directory directory, String idOrUpn) {
        if (idOrUpn.contains("@")) {
            return directory.find(MailboxAddress.of(idOrUpn));
        }
        return directory.mailboxes().stream().filter(m -> objectId(m.address()).equalsIgnoreCase(idOrUpn)).findFirst();
    }

    /** Graph's 404 for a user that does not exist (Exchange Online's wording). */
    public static GraphError invalidUser(String idOrUpn) {
        return new GraphError(404, "ErrorInvalidUser", "The requested user '" + idOrUpn + "' is invalid.");
    }
}
