/**
 * The JAX-RS facade the booking front end calls. Resources are request-scoped CDI beans (so that
 * EJBs from the ejb module are injected into them) and every failure leaves as
 * {@code application/problem+json} through one mapper.
 */
package org.corpconnect.rest;
