package org.reconnect.flows;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.reconnect.flows.FlowDefinition.Action;
import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;

/**
 * Draws a flow: its transitions read from the definition, then Mermaid text and an SVG with a
 * simple layered layout (a state's row is its distance from the start state, so the usual path
 * reads top to bottom). No JavaScript renderer is needed, which the console's CSP would refuse
 * inline anyway.
 */
final class FlowDiagrams {

	private FlowDiagrams() {
	}

	static FlowDiagram draw(FlowDefinition flow) {
		List<FlowDiagram.Transition> transitions = transitions(flow);
		List<String> notes = new ArrayList<>();
		if (flow.expiresAfter() != null) {
			notes.add("In any state: a conversation still open " + duration(flow.expiresAfter()) + " after it started expires"
					+ (flow.onExpiry() == null ? "" : " and, with no reply at all, emits " + flow.onExpiry().named()) + ".");
		}
		if (flow.notUnderstood() != null) {
			notes.add("In any state: a reply no rule takes gets the not-understood text and the state stays.");
		}
		return new FlowDiagram(flow.name(), flow.revision(), flow.start(), mermaid(flow, transitions),
				new Svg(flow, transitions).draw(), transitions, notes);
	}

	static List<FlowDiagram.Transition> transitions(FlowDefinition flow) {
		List<FlowDiagram.Transition> out = new ArrayList<>();
		for (StateDefinition state : states(flow)) {
			for (Rule rule : state.rules()) {
				out.add(new FlowDiagram.Transition(state.name(), target(rule.target(), state), describe(rule.when()),
						describe(rule.actions())));
			}
			if (state.timeout() != null) {
				out.add(new FlowDiagram.Transition(state.name(), target(state.timeout().target(), state),
						"no reply in " + duration(state.timeout().after()), describe(state.timeout().actions())));
			}
			if (state.end()) {
				out.add(new FlowDiagram.Transition(state.name(), FlowDiagram.Transition.END, "it has said its text", ""));
			}
		}
		return out;
	}

	/** The flow's own states; the reader adds a silent end state, which the drawings show as an end. */
	static List<StateDefinition> states(FlowDefinition flow) {
		return flow.states()
			.values()
			.stream()
			.filter(s -> !FlowDefinition.END.equals(s.name()))
			.sorted(java.util.Comparator.comparingInt(FlowDiagrams::line).thenComparing(StateDefinition::name))
			.toList();
	}

	/** The line a state is written on ("file:line:column"), so the drawings follow the file's order. */
	private static int line(StateDefinition state) {
		String[] parts = state.at() == null ? new String[0] : state.at().split(":");
		try {
			return parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : Integer.MAX_VALUE;
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private static String target(String target, StateDefinition from) {
		if (target == null) {
			return from.name();
		}
		return FlowDefinition.END.equals(target) ? FlowDiagram.Transition.END : target;
	}

	static String describe(Matcher matcher) {
		if (matcher instanceof Matcher.NumberBetween n) {
			return n.min() == n.max() ? "the number " + n.min() : "a number " + n.min() + "–" + n.max();
		}
		if (matcher instanceof Matcher.Answer answer) {
			return answer.kind() == Answers.Kind.SOMEWHAT ? "a half answer (a little, maybe)"
					: answer.kind().name().toLowerCase(Locale.ROOT);
		}
		if (matcher instanceof Matcher.Keywords k) {
			return (k.keywords().size() == 1 ? "the word " : "words like ")
					+ String.join(", ", k.keywords().subList(0, Math.min(3, k.keywords().size())));
		}
		if (matcher instanceof Matcher.Regex r) {
			return "text matching the pattern " + shorten(r.pattern().pattern(), 30);
		}
		return "any reply";
	}

	private static String describe(List<Action> actions) {
		List<String> parts = new ArrayList<>();
		for (Action action : actions) {
			if (action instanceof Action.Say) {
				parts.add("says a text");
			}
			else if (action instanceof Action.Save save) {
				parts.add("saves " + save.field());
			}
			else if (action instanceof Action.SaveValues values) {
				parts.add("records " + String.join(", ", values.values().keySet()));
			}
			else if (action instanceof Action.Keep keep) {
				parts.add("keeps " + String.join(", ", keep.values().keySet()) + " for next time");
			}
			else if (action instanceof Action.Emit emit) {
				parts.add("emits " + emit.event().named());
			}
			else if (action instanceof Action.Handover handover) {
				parts.add("tells the coach: " + handover.reason());
			}
			else if (action instanceof Action.StartFlow start) {
				parts.add("then starts " + start.flow());
			}
		}
		return String.join(", ", parts);
	}

	static String duration(Duration duration) {
		if (duration.toMinutes() % (24 * 60) == 0) {
			return duration.toDays() + "d";
		}
		if (duration.toMinutes() % 60 == 0) {
			return duration.toHours() + "h";
		}
		return duration.toMinutes() + "m";
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	// --- Mermaid

	static String mermaid(FlowDefinition flow, List<FlowDiagram.Transition> transitions) {
		StringBuilder text = new StringBuilder("stateDiagram-v2\n");
		for (StateDefinition state : states(flow)) {
			text.append("    state \"").append(mermaidText(state.name())).append("\" as ").append(mermaidId(state.name()))
				.append('\n');
		}
		text.append("    [*] --> ").append(mermaidId(flow.start())).append('\n');
		for (FlowDiagram.Transition t : transitions) {
			String to = t.to().equals(FlowDiagram.Transition.END) ? "[*]" : mermaidId(t.to());
			text.append("    ").append(mermaidId(t.from())).append(" --> ").append(to).append(" : ")
				.append(mermaidText(t.when())).append('\n');
		}
		return text.toString();
	}

	/** Mermaid ids are letters, digits and underscores. */
	private static String mermaidId(String state) {
		return "s_" + state.replaceAll("[^A-Za-z0-9]", "_");
	}

	/** Characters that end a Mermaid label or statement early. */
	private static String mermaidText(String text) {
		return text.replace("\"", "'").replace(";", ",").replace("#", "no.").replace(":", " ").replace("\n", " ");
	}

	// --- SVG

	/** The layered drawing: one row per distance from the start, edges labelled at their middle. */
	private static final class Svg {

		private static final int ROW = 110;
		private static final int GAP = 90;
		private static final int BOX_HEIGHT = 36;
		private static final int MARGIN = 30;
		private static final double CHAR = 7.2;
		private static final String START = "(start)";

		private final FlowDefinition flow;
		private final Map<String, List<String>> edgeLabels = new LinkedHashMap<>();
		private final Map<String, Integer> rows = new LinkedHashMap<>();
		private final Map<String, Box> boxes = new HashMap<>();

		record Box(double x, double y, double width, double height) {

			double centreX() {
				return x + width / 2;
			}

			double bottom() {
				return y + height;
			}
		}

		Svg(FlowDefinition flow, List<FlowDiagram.Transition> transitions) {
			this.flow = flow;
			edgeLabels.put(key(START, flow.start()), new ArrayList<>(List.of("starts")));
			for (FlowDiagram.Transition t : transitions) {
				edgeLabels.computeIfAbsent(key(t.from(), t.to()), k -> new ArrayList<>()).add(t.when());
			}
		}

		private static String key(String from, String to) {
			return from + "\u0000" + to;
		}

		String draw() {
			layer();
			place();
			double width = boxes.values().stream().mapToDouble(b -> b.x() + b.width()).max().orElse(0) + MARGIN + 140;
			double height = boxes.values().stream().mapToDouble(Box::bottom).max().orElse(0) + MARGIN;
			StringBuilder svg = new StringBuilder();
			svg.append(String.format(java.util.Locale.ROOT,
					"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
							+ "role=\"img\" aria-labelledby=\"diagram-title\" class=\"flow-diagram\" font-family=\"sans-serif\" font-size=\"12\">",
					width, height, width, height));
			svg.append("<title id=\"diagram-title\">States and transitions of flow ").append(xml(flow.name()))
				.append(" (the same as the list of transitions below)</title>");
			svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
					+ "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
			StringBuilder labels = new StringBuilder();
			edgeLabels.forEach((key, whens) -> {
				String[] ends = key.split("\u0000");
				edge(svg, labels, boxes.get(ends[0]), boxes.get(ends[1]), String.join(" / ", whens));
			});
			for (Map.Entry<String, Box> entry : boxes.entrySet()) {
				node(svg, entry.getKey(), entry.getValue());
			}
			svg.append(labels);
			return svg.append("</svg>").toString();
		}

		/** Rows by breadth-first distance from the start; unreachable states below the rest, the end last. */
		private void layer() {
			rows.put(START, 0);
			Deque<String> queue = new ArrayDeque<>(List.of(flow.start()));
			rows.put(flow.start(), 1);
			while (!queue.isEmpty()) {
				String state = queue.removeFirst();
				for (String key : edgeLabels.keySet()) {
					String[] ends = key.split("\u0000");
					if (ends[0].equals(state) && !FlowDiagram.Transition.END.equals(ends[1]) && !rows.containsKey(ends[1])) {
						rows.put(ends[1], rows.get(state) + 1);
						queue.addLast(ends[1]);
					}
				}
			}
			int deepest = rows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
			for (StateDefinition state : states(flow)) {
				rows.putIfAbsent(state.name(), deepest + 1);
			}
			rows.put(FlowDiagram.Transition.END, rows.values().stream().mapToInt(Integer::intValue).max().orElse(1) + 1);
		}

		private void place() {
			Map<Integer, List<String>> byRow = new java.util.TreeMap<>();
			rows.forEach((state, row) -> byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(state));
			Map<Integer, Double> rowWidths = new HashMap<>();
			byRow.forEach((row, states) -> rowWidths.put(row,
					states.stream().mapToDouble(this::width).sum() + GAP * (states.size() - 1)));
			double widest = rowWidths.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			byRow.forEach((row, states) -> {
				double x = MARGIN + (widest - rowWidths.get(row)) / 2;
				for (String state : states) {
					double w = width(state);
					boxes.put(state, new Box(x, MARGIN + row * ROW, w, BOX_HEIGHT));
					x += w + GAP;
				}
			});
		}

		private double width(String state) {
			return isPseudo(state) ? 20 : Math.max(80, state.length() * CHAR + 24);
		}

		private static boolean isPseudo(String state) {
			return START.equals(state) || FlowDiagram.Transition.END.equals(state);
		}

		private void node(StringBuilder svg, String state, Box box) {
			if (START.equals(state)) {
				svg.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"#333\"/>",
						box.centreX(), box.y() + BOX_HEIGHT / 2.0));
				return;
			}
			if (FlowDiagram.Transition.END.equals(state)) {
				svg.append(String.format(java.util.Locale.ROOT,
						"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"2\"/>"
								+ "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#333\"/>",
						box.centreX(), box.y() + BOX_HEIGHT / 2.0, box.centreX(), box.y() + BOX_HEIGHT / 2.0));
				return;
			}
			boolean first = state.equals(flow.start());
			svg.append(String.format(java.util.Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"10\" fill=\"%s\" stroke=\"#1d4e89\" stroke-width=\"%s\"/>",
					box.x(), box.y(), box.width(), BOX_HEIGHT, first ? "#e3eefb" : "#f5f8fc", first ? "2.5" : "1.5"));
			svg.append(String.format(java.util.Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#111\" font-size=\"13\">%s</text>",
					box.centreX(), box.y() + BOX_HEIGHT / 2.0 + 4.5, xml(state)));
		}

		private void edge(StringBuilder svg, StringBuilder labels, Box from, Box to, String label) {
			double lx;
			double ly;
			if (from == to) {
				// A loop on the right side of the box: the state stays.
				double x = from.x() + from.width();
				double y = from.y();
				svg.append(String.format(java.util.Locale.ROOT,
						"<path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>",
						x, y + 8, x + 45, y - 18, x + 45, y + BOX_HEIGHT + 18, x, y + BOX_HEIGHT - 8));
				lx = x + 48;
				ly = y + BOX_HEIGHT / 2.0 + 4;
				label(labels, lx, ly, label, "start");
				return;
			}
			double x1 = from.centreX();
			double x2 = to.centreX();
			boolean down = to.y() > from.y();
			double y1 = down ? from.bottom() : from.y();
			double y2 = down ? to.y() : to.bottom();
			if (to.y() == from.y()) {
				y1 = from.bottom();
				y2 = to.bottom();
			}
			// Edges that go up or sideways bow out so they do not run over the downward ones.
			double bow = down ? 0 : 60;
			double cx = (x1 + x2) / 2 + bow;
			double cy = (y1 + y2) / 2 + (to.y() == from.y() ? 40 : 0);
			svg.append(String.format(java.util.Locale.ROOT,
					"<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>",
					x1, y1, cx, cy, x2, y2));
			// The label sits past the middle, towards the target: edges leaving one state spread out there.
			double t = down ? 0.62 : 0.5;
			lx = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * cx + t * t * x2;
			ly = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * cy + t * t * y2;
			label(labels, lx, ly, label, "middle");
		}

		private static void label(StringBuilder labels, double x, double y, String text, String anchor) {
			String shown = shorten(text, 44);
			double w = shown.length() * 6.3 + 8;
			double left = "middle".equals(anchor) ? x - w / 2 : x - 4;
			labels.append(String.format(java.util.Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.92\"/>"
							+ "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#222\" font-size=\"11\">%s</text>",
					left, y - 12, w, x, y, anchor, xml(shown)));
		}
	}

	static String xml(String text) {
		return Objects.toString(text, "")
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}
}
