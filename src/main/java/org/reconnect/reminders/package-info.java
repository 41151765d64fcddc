/**
 * Meeting and appointment reminders: RFC 5545 rules (ical4j), the next send of each reminder kept

 * in MongoDB and handed off through scheduling's due-work plug-in point ({@code TimedWork}, one
 * Quartz trigger per minute in which reminders fall due), quiet hours and late rules, NEXT and
 * reminder replies, the {next_meeting} placeholder and the private calendar feed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "flows", "messaging",
		"scheduling" })
package org.reconnect.reminders;
