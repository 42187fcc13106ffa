/**
 * The directory as EWS clients look people up: ResolveNames. Independent clients (exchangelib, for
 * one) also use it to probe the server's version, so it answers even for names nobody has.
 */
package org.corpconnect.sim.people;
