package org.corpconnect.sim.timezones;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.TimeZoneDefinitionXml;
import org.corpconnect.sim.calendar.WindowsZones;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * GetServerTimeZones (getservertimezones-operation.md): one response message with the definitions
 * of the requested Windows ids, or of every zone the server knows when no Ids are given.
 * ReturnFullTimeZoneData="false" gives the Id only. An id the server does not know fails the whole
 * message with ErrorTimeZone (and an empty TimeZoneDefinitions, which the schema requires).
 */
public final class GetServerTimeZones implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        boolean full = !"false".equals(request.getAttribute("ReturnFullTimeZoneData"));
        Optional<List<String>> ids = Dom.child(request, "Ids")
                .map(e -> Dom.children(e, "Id").stream().map(i -> i.getTextContent().trim()).toList());
        int year = call.clock().instant().atZone(java.time.ZoneOffset.UTC).getYear();
        // GetServerTimeZonesResponseMessageType requires TimeZoneDefinitions, also after an error.
        ResponseMessages.write(call, w, "m:GetServerTimeZonesResponse", "m:GetServerTimeZonesResponseMessage",
                "m:TimeZoneDefinitions", List.of(request), (r, out) -> {
                    List<String> wanted = ids.orElseGet(WindowsZones::windowsIds);
                    List<ZoneId> zones = wanted.stream().map(id -> WindowsZones.toZone(id)
                            .filter(z -> WindowsZones.windowsIds().contains(id))
                            .orElseThrow(() -> new ResponseError("ErrorTimeZone",
                                    "The time zone " + id + " is not known to this server."))).toList();
                    out.start("m:TimeZoneDefinitions");
                    for (ZoneId zone : zones) {
                        if (full) {
                            TimeZoneDefinitionXml.write(out, "t:TimeZoneDefinition", zone, year);
                        } else {
                            out.start("t:TimeZoneDefinition").attr("Id", WindowsZones.toWindowsId(zone)).end();
                        }
                    }
                    out.end();
                });
    }
}
