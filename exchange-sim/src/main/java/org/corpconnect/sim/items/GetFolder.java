package org.corpconnect.sim.items;

import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsFault;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.XmlWriter;

/** GetFolder: not yet implemented. */
public final class GetFolder implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter out) {
        throw new EwsFault("ErrorInvalidRequest", "The simulator does not implement GetFolder yet.");
    }
}
