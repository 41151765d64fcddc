/**
 * The flow language (YAML in conversation-flows/), its reader and validator, the compiler to
 * Spring Statemachine and the conversation runtime with its persisted state. Nothing outside this
 * module imports Spring Statemachine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging" })
package org.reconnect.flows;
