/** Data sets: the deterministic demo organisation contoso.test (relative to this week), generated organisations of N mailboxes, and JSON files. */
package org.corpconnect.sim.dataset;
