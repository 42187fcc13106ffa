package org.corpconnect.bookingrules;

import org.corpconnect.BusinessException;

/** A booking, or its move, that breaks a booking rule; {@link #rule()} names which. */
public class OutsideBookingRules extends BusinessException {

    private final BookingRules.Rule rule;

    public OutsideBookingRules(BookingRules.Violation violation) {
        super(violation.message());
        this.rule = violation.rule();
    }

    public BookingRules.Rule rule() {
        return rule;
    }
}
