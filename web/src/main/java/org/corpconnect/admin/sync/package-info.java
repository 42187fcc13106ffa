/** The sync page: the connection's state, each user's freshness and the recent refreshes. */
package org.corpconnect.admin.sync;
