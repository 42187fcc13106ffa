/**
 * JUnit 5 support for tests that talk to the simulator (this module's and the app's): an extension
 * that runs a simulator in test mode and fails each test after which a response was not
 * schema-valid. JUnit is an optional, provided dependency: the simulator never needs it to run.
 */
package org.corpconnect.sim.junit;
