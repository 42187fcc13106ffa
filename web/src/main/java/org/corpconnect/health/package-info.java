/**
 * MicroProfile Health checks, served by the server at {@code /health}, {@code /health/live} and
 * {@code /health/ready}: ready means the database answers.
 */
package org.corpconnect.health;
