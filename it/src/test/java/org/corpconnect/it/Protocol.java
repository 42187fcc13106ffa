package org.corpconnect.it;

import java.util.Set;

/**
 * The protocol a test account's connection speaks, and the simulator's request-log words for what the
 * product does over it, so that a test written once asserts the same on EWS and on Microsoft Graph.
 */
public enum Protocol {
    /** EWS with the dedicated mailbox's password and impersonation (or delegation). */
    EWS("GetUserAvailabilityRequest", "GetFolder", "CreateItem", "FindItem", "UpdateItem", Set.of("DeleteItem"), 100),
    /** Microsoft Graph app-only (the central mode), scoped by RBAC for Applications. */
    GRAPH("getSchedule", "getCalendar", "createEvent", "listEvents", "updateEvent", Set.of("deleteEvent", "cancelEvent"), 20);

    /** Reads other people's busy time: the only read of their calendars' contents the product may make. */
    public final String freeBusy;
    /** Opens a calendar folder, the dedicated mailbox's own (the connection test) or a user's (the access check). */
    public final String openCalendar;
    public final String createItem;
    /** Looks for a booking's item by its booking id. */
    public final String findItem;
    public final String updateItem;
    public final Set<String> deleteItem;
    private final int usersPerFreeBusyRequest;

    Protocol(String freeBusy, String openCalendar, String createItem, String findItem, String updateItem,
             Set<String> deleteItem, int usersPerFreeBusyRequest) {
        this.freeBusy = freeBusy;
        this.openCalendar = openCalendar;
        this.createItem = createItem;
        this.findItem = findItem;
        this.updateItem = updateItem;
        this.deleteItem = deleteItem;
        this.usersPerFreeBusyRequest = usersPerFreeBusyRequest;
    }

    /**
     * Free/busy requests for this many users and one window: the sync asks for 100 users at a time,
     * which is one EWS request and up to five getSchedule requests (20 schedules each).
     */
    public int freeBusyRequests(int users) {
        int requests = 0;
        for (int from = 0; from < users; from += 100) {
            int group = Math.min(100, users - from);
            requests += (group + usersPerFreeBusyRequest - 1) / usersPerFreeBusyRequest;
        }
        return requests;
    }

    /**
     * Whether busy time keeps WorkingElsewhere: Graph's getSchedule reports it; Exchange shows it as
     * Free to an Exchange2010_SP2 client such as ews-java-api.
     */
    public boolean reportsWorkingElsewhere() {
        return this == GRAPH;
    }
}
