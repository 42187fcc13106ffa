/** Data sets: the deterministic demo organisation contoso.test (relative to this week), generated organisations of N mailboxes, and JSON files; each with its identity side (EntraSpec: Entra tenant, app registrations, consents, groups, RBAC for Applications), which the demo fills with one app per access mode (DemoSignIns). */
package org.corpconnect.sim.dataset;
