package org.corpconnect.sim.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;

/**
 * Starts a simulator with N generated mailboxes (default 10,000), then times GetUserAvailability
 * for 100 of them over 42 days, as the service mailbox with its impersonation-free free/busy access,
 * and prints the times. Arguments: [mailboxes] [rounds] [schema-dir].
 */
public final class AvailabilityBenchmark {
    private AvailabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mailboxes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        ExchangeSimulator.Builder builder = ExchangeSimulator.builder().port(0).dataset(Dataset.generated(mailboxes));
        if (args.length > 2) {
            builder.schemaDir(Path.of(args[2]));
        }
        try (ExchangeSimulator sim = builder.start()) {
            out.printf("Loaded %d mailboxes in %d ms%n", sim.directory().size(), (System.nanoTime() - t0) / 1_000_000);
            long[] millis = run(sim.ewsUrl(), mailboxes, rounds);
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            out.printf("GetUserAvailability, 100 mailboxes x 42 days, %d rounds: min %d ms, median %d ms, max %d ms%n",
                    rounds, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
        }
    }

    /** Times {@code rounds} requests for 100 mailboxes each (a different hundred each round); returns milliseconds. */
    public static long[] run(URI ewsUrl, int mailboxCount, int rounds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                "booking-service@contoso.test:Demo-Service-Pa55!".getBytes(StandardCharsets.UTF_8));
        LocalDate start = LocalDate.now().minusDays(1);
        long[] millis = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                addresses.add(String.format("user%05d@contoso.test", 1 + (round * 100 + i) % mailboxCount));
            }
            HttpRequest request = HttpRequest.newBuilder(ewsUrl).header("Authorization", auth)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(freeBusyRequest(addresses, start, 42, "FreeBusy"))).build();
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[round] = (System.nanoTime() - t) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GetUserAvailability failed with HTTP " + response.statusCode());
            }
        }
        return millis;
    }

    /** A GetUserAvailability request in the shape ews-java-api sends: UTC legacy zone, whole days. */
    public static String freeBusyRequest(List<String> addresses, LocalDate start, int days, String view) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\"")
                .append(" xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\">")
                .append("<soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/></soap:Header><soap:Body>")
                .append("<m:GetUserAvailabilityRequest><t:TimeZone><t:Bias>0</t:Bias>")
                .append("<t:StandardTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>")
                .append("<t:DaylightTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime>")
                .append("</t:TimeZone><m:MailboxDataArray>");
        for (String a : addresses) {
            sb.append("<t:MailboxData><t:Email><t:Address>").append(a).append("</t:Address></t:Email>")
                    .append("<t:AttendeeType>Required</t:AttendeeType><t:ExcludeConflicts>false</t:ExcludeConflicts></t:MailboxData>");
        }
        sb.append("</m:MailboxDataArray><t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>").append(start)
                .append("T00:00:00</t:StartTime><t:EndTime>").append(start.plusDays(days)).append("T00:00:00</t:EndTime>")
                .append("</t:TimeWindow><t:MergedFreeBusyIntervalInMinutes>30</t:MergedFreeBusyIntervalInMinutes>")
                .append("<t:RequestedView>").append(view).append("</t:RequestedView></t:FreeBusyViewOptions>")
                .append("</m:GetUserAvailabilityRequest></soap:Body></soap:Envelope>");
        return sb.toString();
    }
}
