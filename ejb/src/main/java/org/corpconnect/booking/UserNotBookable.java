package org.corpconnect.booking;

import org.corpconnect.BusinessException;

public class UserNotBookable extends BusinessException {

    public UserNotBookable() {
        super("The dedicated mailbox cannot write into this user's calendar; see the user's delegation status.");
    }
}
