/** Who takes part: profile, phone, time zone, language, check-in time, quiet hours, status and coach. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "messaging" })
package org.reconnect.participants;
