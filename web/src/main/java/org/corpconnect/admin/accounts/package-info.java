/** The operator's list of accounts: create one with its first admin; each admin lands on their own account. */
package org.corpconnect.admin.accounts;
