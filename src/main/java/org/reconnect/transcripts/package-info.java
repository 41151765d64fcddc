/**
 * Transcript tests of the flows (conversation-flows/tests/*.yaml): whole conversations, each
 * text the participant sends and each reply expected, played through the real runtime and the
 * phone simulator. {@code mvn verify} plays them all; the console plays a flow's transcripts on
 * demand, only with the simulator, against throwaway test participants.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging", "flows", "consent", "scheduling", "progress" })
package org.reconnect.transcripts;
