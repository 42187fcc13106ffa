package org.corpconnect.polling;

/** What keeps a user's busy time fresh between the account's timer refreshes, for the sync page. */
public enum KeptFreshBy {
    PUSH("Exchange pushes changes"),
    POLLING_BOOKED("polled often (has bookings)"),
    POLLING("polled"),
    TIMER("the timer refresh only");

    private final String meaning;

    KeptFreshBy(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
