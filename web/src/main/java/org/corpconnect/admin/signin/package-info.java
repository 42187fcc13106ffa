/** Signing in and out of the admin pages. */
package org.corpconnect.admin.signin;
