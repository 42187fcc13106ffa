package org.corpconnect.sim.soap;

import org.corpconnect.sim.calendar.BusyType;

/**
 * The values of t:ExchangeVersionType, in order. The simulator honours the requested version where
 * the protocol differs by version: headers and elements introduced later are ignored or not written.
 */
public enum ExchangeVersion {
    Exchange2007, Exchange2007_SP1, Exchange2009, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2012,
    Exchange2013, Exchange2013_SP1, Exchange2015, Exchange2016, V2015_10_05, V2016_01_06, V2016_04_13,
    V2016_07_13, V2016_10_10, V2017_01_07, V2017_04_14, V2017_07_11, V2017_10_09, V2018_01_08;

    /**
     * The free/busy status as this version's schema can say it: WorkingElsewhere arrived with
     * Exchange 2013, so older clients see it as Free (the person is working and can be booked).
     */
    public BusyType visible(BusyType status) {
        return status == BusyType.WorkingElsewhere && !atLeast(Exchange2013) ? BusyType.Free : status;
    }

    public boolean atLeast(ExchangeVersion other) {
        return compareTo(other) >= 0;
    }
}
