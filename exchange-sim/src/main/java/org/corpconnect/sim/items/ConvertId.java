package org.corpconnect.sim.items;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * ConvertId (convertid-operation.md): an item or folder id from one format into another, one response
 * message per source id. Our ids are base64 of a store key ({@link ItemIds}); every format carries
 * that key: EwsId, EwsLegacyId, EntryId, StoreId and OwaId as base64, HexEntryId as upper-case hex.
 * A source that does not decode to one of our ids in the named mailbox is ErrorInvalidIdMalformed, as
 * Exchange answers a malformed id (exchangelib sends the id "DUMMY" to learn the server version from
 * this call's response header). Change keys are not returned, as the reference says.
 */
public final class ConvertId implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        String destination = call.body().getAttribute("DestinationFormat");
        List<Element> sources = SoapRequest.children(Dom.child(call.body(), "SourceIds").orElseThrow());
        ResponseMessages.write(call, w, "m:ConvertIdResponse", "m:ConvertIdResponseMessage", sources, (source, out) -> {
            if (!"AlternateId".equals(source.getLocalName())) {
                throw malformed(); // public folder ids: there are no public folders here
            }
            byte[] key = decode(source.getAttribute("Format"), source.getAttribute("Id"));
            String mailbox = source.getAttribute("Mailbox");
            String id = Base64.getEncoder().encodeToString(key);
            MailboxAddress owner = ItemIds.parseItem(id).map(ItemIds.ItemRef::mailbox)
                    .or(() -> ItemIds.parseFolder(id).map(ItemIds.FolderRef::mailbox))
                    .orElseThrow(ConvertId::malformed);
            if (!owner.equals(MailboxAddress.of(mailbox))) {
                throw malformed();
            }
            call.targetMailbox(mailbox);
            out.start("m:AlternateId").attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
                    .attr("xsi:type", "t:AlternateIdType").attr("Format", destination)
                    .attr("Id", encode(destination, key)).attr("Mailbox", mailbox).end();
        });
    }

    private static byte[] decode(String format, String id) {
        try {
            byte[] key = "HexEntryId".equals(format) ? HexFormat.of().parseHex(id.toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(id);
            String text = new String(key, StandardCharsets.UTF_8);
            if (!text.startsWith("I|") && !text.startsWith("F|")) {
                throw malformed();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static String encode(String format, byte[] key) {
        return "HexEntryId".equals(format) ? HexFormat.of().withUpperCase().formatHex(key)
                : Base64.getEncoder().encodeToString(key);
    }

    private static ResponseError malformed() {
        return new ResponseError("ErrorInvalidIdMalformed", "Id is malformed.");
    }
}
