/** Infrastructure shared by every module: the clock, phone numbers, input checks, masking for logs. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.reconnect.system;
