package org.corpconnect.it.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The simulator's own floor for a refresh's free/busy requests, measured: the same GetUserAvailability
 * requests (groups of 100 mailboxes, 42-day UTC windows over the horizon, FreeBusy view) sent as plain
 * SOAP by a client that only reads each answer to its end, with as many in flight as the refresh has.
 * What the refresh takes beyond this is the product's own: ews-java-api's parsing, the store, the access
 * checks that do not overlap the requests. The formula's floor (L x requests / concurrency) assumes an
 * Exchange that answers in L whatever the load; the simulator shares the machine's cores with the server.
 */
final class SimulatorFreeBusyFloor {

    private static final int PER_REQUEST = 100;
    private static final int WINDOW_DAYS = 42;

    private SimulatorFreeBusyFloor() {
    }

    /** Milliseconds from the first request sent to the last answer read. */
    static long measure(URI ews, String user, String password, List<String> mailboxes, int horizonDays, int concurrency)
            throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant end = start.plus(Duration.ofDays(horizonDays));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Queue<HttpRequest> requests = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < mailboxes.size(); i += PER_REQUEST) {
            List<String> group = mailboxes.subList(i, Math.min(mailboxes.size(), i + PER_REQUEST));
            for (Instant from = start; from.isBefore(end); from = from.plus(Duration.ofDays(WINDOW_DAYS))) {
                Instant to = from.plus(Duration.ofDays(WINDOW_DAYS)).isAfter(end) ? end : from.plus(Duration.ofDays(WINDOW_DAYS));
                requests.add(HttpRequest.newBuilder(ews)
                        .header("Content-Type", "text/xml; charset=utf-8").header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(request(group, from, to))).build());
            }
        }
        return PlainRequests.sendAll(http, requests, concurrency, "FreeBusyResponseArray");
    }

    /** One GetUserAvailability request, FreeBusy view, for the group and the UTC window. */
    static String request(List<String> group, Instant from, Instant to) {
        String mailboxes = group.stream().map(m -> "<t:MailboxData><t:Email><t:Address>" + m
                + "</t:Address></t:Email><t:AttendeeType>Required</t:AttendeeType><t:ExcludeConflicts>false</t:ExcludeConflicts></t:MailboxData>")
                .collect(Collectors.joining());
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\""
                + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">"
                + "<soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/></soap:Header>"
                + "<soap:Body><m:GetUserAvailabilityRequest>"
                + "<t:TimeZone><t:Bias>0</t:Bias>"
                + "<t:StandardTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>5</t:DayOrder><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>"
                + "<t:DaylightTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>4</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime>"
                + "</t:TimeZone>"
                + "<m:MailboxDataArray>" + mailboxes + "</m:MailboxDataArray>"
                + "<t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>" + local(from) + "</t:StartTime><t:EndTime>" + local(to)
                + "</t:EndTime></t:TimeWindow><t:MergedFreeBusyIntervalInMinutes>30</t:MergedFreeBusyIntervalInMinutes>"
                + "<t:RequestedView>FreeBusy</t:RequestedView></t:FreeBusyViewOptions>"
                + "</m:GetUserAvailabilityRequest></soap:Body></soap:Envelope>";
    }

    /** EWS's xs:dateTime in the request's time zone (UTC here), without an offset. */
    private static String local(Instant instant) {
        return instant.toString().replace("Z", "");
    }
}
