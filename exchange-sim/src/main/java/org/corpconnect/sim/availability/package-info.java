/** GetUserAvailability free/busy: views limited to what the caller's permission allows, the 100-mailbox and 42-day limits as request faults, per-mailbox errors beside successful mailboxes. */
package org.corpconnect.sim.availability;
