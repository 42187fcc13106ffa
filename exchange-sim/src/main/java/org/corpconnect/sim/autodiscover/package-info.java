/** Autodiscover (the SOAP service ews-java-api's AutodiscoverService uses and the POX form) for the demo domain, so a client can find the EWS URL from a mailbox address alone. */
package org.corpconnect.sim.autodiscover;
