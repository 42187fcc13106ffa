/** SOAP 1.1 and EWS protocol: envelope parsing, schema validation against Microsoft's files (requests always, responses in test mode), faults versus per-item ResponseMessages, ServerVersionInfo, the impersonation header and dispatch to operations. Responses are written with a streaming writer, never a DOM, to stay fast at 100 mailboxes per request. */
package org.corpconnect.sim.soap;
