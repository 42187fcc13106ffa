package org.corpconnect.sim.soap;

/**
 * One EWS operation: reads the request's body element and writes the response's body element
 * (e.g. m:FindItemResponse). Request-level failures are thrown as {@link EwsFault}.
 */
public interface EwsOperation {
    void execute(EwsCall call, XmlWriter out);
}
