package org.corpconnect.sim.folders;

import java.util.List;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;

/**
 * GetFolder (getfolder-operation.md): one response message per requested folder. A folder the
 * caller may not see is ErrorAccessDenied, one the mailbox does not have ErrorFolderNotFound. It is
 * also the usual probe of delegate access: EffectiveRights tell what the caller may do in a calendar.
 */
public final class GetFolder implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        FolderShape shape = FolderShape.of(call, call.body());
        List<org.w3c.dom.Element> folders = SoapRequest.children(
                org.corpconnect.sim.soap.Dom.child(call.body(), "FolderIds").orElseThrow());
        ResponseMessages.write(call, w, "m:GetFolderResponse", "m:GetFolderResponseMessage", "m:Folders", folders, (ref, out) -> {
            FolderTarget target = FolderTarget.resolve(call, ref);
            FolderRights rights = FolderRights.of(call, target.mailbox(), target.folder());
            if (!rights.visible()) {
                throw ResponseError.accessDenied();
            }
            out.start("m:Folders");
            FolderXml.write(out, call, target, rights, shape);
            out.end();
        });
    }
}
