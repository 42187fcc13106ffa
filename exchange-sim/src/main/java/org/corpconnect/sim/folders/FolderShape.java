package org.corpconnect.sim.folders;

import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.SoapRequest;
import org.w3c.dom.Element;

/**
 * A request's m:FolderShape: the base shape and the FieldURIs added to it. IdOnly is the FolderId;
 * Default adds DisplayName, TotalCount, ChildFolderCount and UnreadCount; AllProperties adds
 * ParentFolderId, FolderClass and EffectiveRights (folderresponseshape.md, baseshape.md). The
 * PermissionSet is never part of a base shape from Exchange 2013 on (permissionset docs): only
 * AdditionalProperties brings it.
 */
record FolderShape(String base, Set<String> additional) {

    static FolderShape of(EwsCall call, Element request) {
        Element shape = Dom.child(request, "FolderShape").orElseThrow();
        String base = Dom.text(shape, "BaseShape").orElse("Default");
        Set<String> additional = Dom.child(shape, "AdditionalProperties")
                .map(a -> SoapRequest.children(a).stream().map(p -> p.getAttribute("FieldURI"))
                        .filter(f -> !f.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
        call.log().requestedProperty("BaseShape:" + base);
        additional.forEach(call.log()::requestedProperty);
        return new FolderShape(base, additional);
    }

    boolean has(String fieldUri) {
        if (additional.contains(fieldUri)) {
            return true;
        }
        return switch (fieldUri) {
            case "folder:DisplayName", "folder:TotalCount", "folder:ChildFolderCount", "folder:UnreadCount" ->
                    !"IdOnly".equals(base);
            case "folder:ParentFolderId", "folder:FolderClass", "folder:EffectiveRights" -> "AllProperties".equals(base);
            default -> false;
        };
    }
}
