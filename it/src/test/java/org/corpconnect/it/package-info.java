/**
 * Tests on the real server: each deploys the EAR the build produced (for tests that run inside
 * the server, with the test class added to its EJB module) into the managed Payara domain of this
 * module, on its own ports.
 */
package org.corpconnect.it;
