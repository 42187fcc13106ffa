/** The API keys page: a new key is shown once, on the page its creation redirects to (held in the session until that page shows it); keys can be revoked. */
package org.corpconnect.admin.apikeys;
