package org.corpconnect.sim.items;

import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsFault;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.XmlWriter;

/** UpdateItem: not yet implemented. */
public final class UpdateItem implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter out) {
        throw new EwsFault("ErrorInvalidRequest", "The simulator does not implement UpdateItem yet.");
    }
}
