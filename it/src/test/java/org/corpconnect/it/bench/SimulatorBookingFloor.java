package org.corpconnect.it.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * The simulator's own floor for a booking, measured: what a booking sends Exchange (GetUserAvailability of the
 * user for the slot's UTC day, then CreateItem of a 30-minute item in the user's calendar, impersonated), sent
 * one after the other as plain SOAP by a client that only reads each answer. The formula's floor is 2 L; the
 * simulator builds and schema-checks both requests and answers on the machine's cores beside the server.
 * The items go half a year ahead, past any booking horizon, one 30-minute slot each.
 */
final class SimulatorBookingFloor {

    private SimulatorBookingFloor() {
    }

    /** Milliseconds of each pair, in order. */
    static double[] measure(URI ews, String serviceMailbox, String password, String user, int pairs) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((serviceMailbox + ":" + password).getBytes(StandardCharsets.UTF_8));
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(183)).plus(Duration.ofHours(8));
        double[] millis = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            Instant start = first.plus(Duration.ofMinutes(30L * i));
            Instant day = start.truncatedTo(ChronoUnit.DAYS);
            long t = System.nanoTime();
            send(http, ews, authorization, SimulatorFreeBusyFloor.request(List.of(user), day, day.plus(Duration.ofDays(1))),
                    "FreeBusyResponseArray");
            send(http, ews, authorization, createItem(user, start, start.plus(Duration.ofMinutes(30))), "ResponseClass=\"Success\"");
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        return millis;
    }

    private static void send(HttpClient http, URI ews, String authorization, String body, String expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ews)
                .header("Content-Type", "text/xml; charset=utf-8").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains(expected)) {
            throw new IllegalStateException("The simulator answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
    }

    private static String createItem(String user, Instant start, Instant end) {
        return envelope("<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>" + user
                        + "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>",
                "<m:CreateItem SendMeetingInvitations=\"SendToNone\">"
                + "<m:SavedItemFolderId><t:DistinguishedFolderId Id=\"calendar\"/></m:SavedItemFolderId>"
                + "<m:Items><t:CalendarItem><t:Subject>Booking floor</t:Subject>"
                + "<t:Start>" + start + "</t:Start><t:End>" + end + "</t:End>"
                + "<t:LegacyFreeBusyStatus>Busy</t:LegacyFreeBusyStatus></t:CalendarItem></m:Items>"
                + "</m:CreateItem>");
    }

    private static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\""
                + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">"
                + "<soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/>" + header + "</soap:Header>"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }
}
