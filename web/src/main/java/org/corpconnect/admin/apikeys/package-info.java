/** The API keys page: a new key is shown once; keys can be revoked. */
package org.corpconnect.admin.apikeys;
