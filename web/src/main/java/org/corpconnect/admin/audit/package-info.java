/** The audit log page. */
package org.corpconnect.admin.audit;
