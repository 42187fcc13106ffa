package org.corpconnect.sim.folders;

import java.util.List;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * FindFolder (findfolder-operation.md): the subfolders of each parent folder, Shallow (children) or
 * Deep (all descendants, depth first), only those the caller may see, paged by IndexedPageFolderView.
 * The parent itself must be visible (else ErrorAccessDenied). No folder is ever soft-deleted here, so
 * SoftDeleted finds none. Restrictions on folders are not simulated: ErrorUnsupportedQueryFilter.
 */
public final class FindFolder implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        String traversal = request.getAttribute("Traversal");
        FolderShape shape = FolderShape.of(call, request);
        Element view = Dom.child(request, "IndexedPageFolderView").orElse(null);
        boolean restricted = Dom.child(request, "Restriction").isPresent();
        List<Element> parents = SoapRequest.children(Dom.child(request, "ParentFolderIds").orElseThrow());
        ResponseMessages.write(call, w, "m:FindFolderResponse", "m:FindFolderResponseMessage", parents, (ref, out) -> {
            FolderTarget parent = FolderTarget.resolve(call, ref);
            if (!FolderRights.of(call, parent.mailbox(), parent.folder()).visible()) {
                throw ResponseError.accessDenied();
            }
            if (restricted) {
                throw new ResponseError("ErrorUnsupportedQueryFilter",
                        "The restriction or sort order is too complex for this operation.");
            }
            List<WellKnownFolder> found = switch (traversal) {
                case "Deep" -> parent.folder().descendants();
                case "Shallow" -> parent.folder().children();
                default -> List.of(); // SoftDeleted
            };
            List<FolderTarget> visible = found.stream().map(f -> new FolderTarget(parent.mailbox(), f))
                    .filter(t -> FolderRights.of(call, t.mailbox(), t.folder()).visible()).toList();
            int total = visible.size();
            int offset = 0;
            int max = Integer.MAX_VALUE;
            if (view != null) {
                offset = Integer.parseInt(view.getAttribute("Offset"));
                if (view.hasAttribute("MaxEntriesReturned")) {
                    max = Integer.parseInt(view.getAttribute("MaxEntriesReturned"));
                }
                if ("End".equals(view.getAttribute("BasePoint"))) {
                    offset = Math.max(0, total - offset - Math.min(max, total));
                }
            }
            int from = Math.min(offset, total);
            int to = (int) Math.min((long) from + max, total);
            out.start("m:RootFolder").attr("IndexedPagingOffset", to).attr("TotalItemsInView", total)
                    .attr("IncludesLastItemInRange", to == total);
            out.start("t:Folders");
            for (FolderTarget t : visible.subList(from, to)) {
                FolderXml.write(out, call, t, FolderRights.of(call, t.mailbox(), t.folder()), shape);
            }
            out.end().end();
        });
    }
}
