/**
 * The Microsoft Graph v1.0 schema (the OData CSDL Microsoft's SDKs are generated from), read once at
 * start, and the check of a JSON body against a declared entity, complex type or action: every property
 * must be declared for its type (or a base type) with a value of the declared type. Test mode runs every
 * Graph response and accepted request body through it, as the EWS side does with Microsoft's XSDs.
 */
package org.corpconnect.sim.graph.schema;
