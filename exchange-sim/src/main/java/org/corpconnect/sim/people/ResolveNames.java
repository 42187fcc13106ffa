package org.corpconnect.sim.people;

import java.util.List;
import java.util.Locale;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ExchangeVersion;
import org.corpconnect.sim.soap.XmlWriter;

/**
 * ResolveNames (resolvenames-operation.md) against the directory: an entry matches a mailbox whose
 * SMTP address, alias or display name starts with it (case-insensitive; an "SMTP:" prefix means
 * the exact address). One match is Success, several are a Warning with
 * ErrorNameResolutionMultipleResults (at most 100 returned), none is ErrorNameResolutionNoResults.
 * Every match is a directory (Active Directory) entry: with ReturnFullContactData="true" it comes
 * with its t:Contact (display name, given name, surname, the SMTP address as EmailAddress1 and, from
 * Exchange 2010 on, ContactSource ActiveDirectory), as in the reference's sample. Contacts folders
 * are empty in the simulator, so SearchScope="Contacts" finds nothing.
 */
public final class ResolveNames implements EwsOperation {
    private static final int MAX_RESULTS = 100;

    @Override
    public void execute(EwsCall call, XmlWriter w) {
        String entry = Dom.text(call.body(), "UnresolvedEntry").orElse("");
        boolean fullContact = "true".equals(call.body().getAttribute("ReturnFullContactData"));
        List<Mailbox> matches = "Contacts".equals(call.body().getAttribute("SearchScope")) ? List.of() : matches(call, entry);
        call.log().requestedProperty("UnresolvedEntry");
        w.start("m:ResolveNamesResponse").start("m:ResponseMessages");
        if (matches.isEmpty()) {
            call.log().responseCode("ErrorNameResolutionNoResults");
            w.start("m:ResolveNamesResponseMessage").attr("ResponseClass", "Error");
            w.element("m:MessageText", "No results were found.");
            w.element("m:ResponseCode", "ErrorNameResolutionNoResults");
            w.element("m:DescriptiveLinkKey", 0);
            w.end();
        } else {
            boolean several = matches.size() > 1;
            call.log().responseCode(several ? "ErrorNameResolutionMultipleResults" : "NoError");
            w.start("m:ResolveNamesResponseMessage").attr("ResponseClass", several ? "Warning" : "Success");
            if (several) {
                w.element("m:MessageText", "Multiple results were found.");
                w.element("m:ResponseCode", "ErrorNameResolutionMultipleResults");
                w.element("m:DescriptiveLinkKey", 0);
            } else {
                w.element("m:ResponseCode", "NoError");
            }
            List<Mailbox> shown = matches.subList(0, Math.min(MAX_RESULTS, matches.size()));
            w.start("m:ResolutionSet").attr("TotalItemsInView", matches.size())
                    .attr("IncludesLastItemInRange", shown.size() == matches.size());
            for (Mailbox m : shown) {
                w.start("t:Resolution").start("t:Mailbox");
                w.element("t:Name", m.displayName());
                w.element("t:EmailAddress", m.address().value());
                w.element("t:RoutingType", "SMTP");
                w.element("t:MailboxType", "Mailbox");
                w.end();
                if (fullContact) {
                    writeContact(w, call, m);
                }
                w.end();
            }
            w.end();
            w.end();
        }
        w.end().end();
    }

    private static void writeContact(XmlWriter w, EwsCall call, Mailbox m) {
        String name = m.displayName();
        int space = name.indexOf(' ');
        w.start("t:Contact");
        w.element("t:DisplayName", name);
        if (space > 0) {
            w.element("t:GivenName", name.substring(0, space));
        }
        w.start("t:EmailAddresses").start("t:Entry").attr("Key", "EmailAddress1").text("SMTP:" + m.address().value()).end().end();
        if (call.version().atLeast(ExchangeVersion.Exchange2010)) {
            w.element("t:ContactSource", "ActiveDirectory");
        }
        if (space > 0) {
            w.element("t:Surname", name.substring(space + 1));
        }
        w.end();
    }

    private static List<Mailbox> matches(EwsCall call, String entry) {
        String e = entry.trim().toLowerCase(Locale.ROOT);
        if (e.startsWith("smtp:")) {
            return call.directory().find(e.substring(5)).map(List::of).orElse(List.of());
        }
        if (e.isEmpty()) {
            return List.of();
        }
        return call.directory().mailboxes().stream().filter(m -> m.address().value().startsWith(e)
                || m.address().localPart().startsWith(e)
                || m.displayName().toLowerCase(Locale.ROOT).startsWith(e)
                || java.util.Arrays.stream(m.displayName().toLowerCase(Locale.ROOT).split(" ")).anyMatch(p -> p.startsWith(e)))
                .toList();
    }
}
