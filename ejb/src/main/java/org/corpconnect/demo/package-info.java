/**
 * The demo account the run command sets up: an organisation connected to the Exchange simulator's
 * dedicated mailbox, created once at start when {@code demo.enabled} is true (never in production).
 */
package org.corpconnect.demo;
