/**
 * The demo accounts the run command sets up: an organisation connected to the Exchange simulator's
 * dedicated mailbox over EWS, and one on Microsoft Graph in the central mode (the simulator's demo
 * app), each with users of its own; created once at start when {@code demo.enabled} is true (never in
 * production).
 */
package org.corpconnect.demo;
