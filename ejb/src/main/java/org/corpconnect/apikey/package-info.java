/**
 * API keys of the booking front end, one account each. A key is shown once, when created; only its
 * prefix (to find it) and the SHA-256 of its random part (to check it) are stored. A key of 256
 * random bits needs no slow hash: nothing short enough to guess hides behind it.
 */
package org.corpconnect.apikey;
