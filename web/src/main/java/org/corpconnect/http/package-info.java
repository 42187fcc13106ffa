/**
 * What every HTTP request to the web module passes first, whatever it is for: a request whose target
 * is ambiguous (encoded slashes or dots, dot segments, bad %-encoding, control characters) is refused
 * with 400 before any content is served, because the server would otherwise decode and normalise it
 * into another path than the one every security rule saw.
 */
package org.corpconnect.http;
