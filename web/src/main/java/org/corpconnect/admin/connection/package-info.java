/** The connection page: status in an Exchange admin's words, and the form that sets or changes the connection; a new credential is tested before it replaces the old one. */
package org.corpconnect.admin.connection;
