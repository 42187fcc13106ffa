package org.corpconnect.sim.calendar;

/** t:SensitivityChoicesType; Private and Confidential hide subject and location from non-delegates. */
public enum Sensitivity {
    Normal, Personal, Private, Confidential;

    public boolean hidesDetails() {
        return this == Private || this == Confidential;
    }

    public static Sensitivity parse(String s) {
        for (Sensitivity v : values()) {
            if (v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown sensitivity: " + s);
    }
}
