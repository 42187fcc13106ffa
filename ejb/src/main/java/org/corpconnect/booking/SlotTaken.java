package org.corpconnect.booking;

import org.corpconnect.BusinessException;

public class SlotTaken extends BusinessException {

    public SlotTaken() {
        super("The slot is no longer free for this user.");
    }
}
