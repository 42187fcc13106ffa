/**
 * MicroProfile Health checks, served by the server at {@code /health}, {@code /health/live} and
 * {@code /health/ready} to anyone: ready means the database and the API answer. No check carries
 * tenant data (account keys, mailboxes, URLs, Exchange's errors): connections are counted per
 * status, and the operator's admin pages show each account's detail.
 */
package org.corpconnect.health;
