/**
 * The API's OpenAPI document as Payara serves it at {@code /openapi}: the filter that puts right what
 * Payara's generator writes wrong. The API and its annotations live in the web module; the filter
 * lives here because Payara reads {@code mp.openapi.*} from the application's configuration and
 * loads the filter with the application's class loader, and in an EAR neither sees the WAR's classes.
 */
package org.corpconnect.openapi;
