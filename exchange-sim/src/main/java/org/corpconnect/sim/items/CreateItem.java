package org.corpconnect.sim.items;

import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsFault;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.XmlWriter;

/** CreateItem: not yet implemented. */
public final class CreateItem implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter out) {
        throw new EwsFault("ErrorInvalidRequest", "The simulator does not implement CreateItem yet.");
    }
}
