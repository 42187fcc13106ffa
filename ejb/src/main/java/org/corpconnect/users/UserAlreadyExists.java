package org.corpconnect.users;

import org.corpconnect.BusinessException;
import org.corpconnect.calendar.MailboxAddress;

public class UserAlreadyExists extends BusinessException {

    public UserAlreadyExists(MailboxAddress address) {
        super("A user with the address " + address + " exists already in this account.");
    }
}
