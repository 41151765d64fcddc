package org.reconnect.flows;

import java.util.List;

/**
 * A flow's states and transitions drawn three ways: Mermaid {@code stateDiagram-v2} text (for
 * the docs and for anyone who renders Mermaid), an SVG drawn on the server (the console shows it,
 * no script needed), and a plain list of transitions, which is what a screen reader reads.
 *
 * @param svg a complete {@code <svg>} element; every text in it is escaped
 * @param notes what applies in every state, such as the conversation's expiry
 */
public record FlowDiagram(String flow, String revision, String start, String mermaid, String svg,
		List<Transition> transitions, List<String> notes) {

	/**
	 * One way from a state to another (or to the same one, or to the end).
	 *
	 * @param to the next state, or {@link #END} when the conversation ends
	 * @param when what makes it happen: a kind of reply, no reply in time, or entering an ending state
	 * @param does what happens on the way (saves, emits, says), empty when nothing
	 */
	public record Transition(String from, String to, String when, String does) {

		public static final String END = "(end)";

		/** One sentence for the text list: "mood → cravings when a number 3–5 (saves mood)". */
		public String sentence() {
			String where = from.equals(to) ? from + " stays in " + to : from + " → " + to;
			return where + " when " + when + (does.isEmpty() ? "" : " (" + does + ")");
		}
	}
}
