/**
 * Graph's item ids and {@code translateExchangeIds}. As in Exchange Online, one item has different ids
 * in EWS and in Graph: EWS ids are the EWS format ({@link org.corpconnect.sim.items.ItemIds}), Graph ids
 * the URL-safe REST format; {@code restImmutableEntryId} is a third, stable one. All three carry the
 * mailbox and item (and, for an occurrence, its original start), so each translates to the others.
 */
package org.corpconnect.sim.graph.ids;
