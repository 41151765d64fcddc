package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FlowDiagramsTests {

	private final FlowReader reader = new FlowReader();

	private FlowDiagram draw(String file) throws Exception {
		Path path = Path.of("conversation-flows", file);
		return FlowDiagrams.draw(reader.read(path.toString(), Files.readString(path)));
	}

	@Test
	void listsEveryTransitionInWordsAScreenReaderCanRead() throws Exception {
		FlowDiagram diagram = draw("daily-checkin.yaml");

		assertThat(diagram.transitions()).extracting(FlowDiagram.Transition::sentence)
			.contains("mood → low-mood when a number 1–2 (saves mood, emits CheckInAnswered)",
					"mood stays in mood when no reply in 2h (says a text)",
					"mood stays in mood when any reply (emits CheckInAnswered, says a text)",
					"low-mood → cravings when yes (tells the coach: low mood, asked to be contacted, says a text)",
					"connection → small-step when words like nobody, no one, noone (saves connection)",
					"done → (end) when it has said its text");
		assertThat(diagram.transitions().get(0).from()).as("in the file's order").isEqualTo("mood");
		assertThat(diagram.notes()).anyMatch(n -> n.contains("6h") && n.contains("CheckInMissed"));
	}

	@Test
	void writesMermaidStateDiagramText() throws Exception {
		String mermaid = draw("onboarding.yaml").mermaid();

		assertThat(mermaid).startsWith("stateDiagram-v2\n")
			.contains("    state \"check-in-time\" as s_check_in_time\n", "    [*] --> s_welcome\n",
					"    s_welcome --> s_check_in_time : yes\n", "    s_welcome --> [*] : no\n",
					"    s_ally --> [*] : no reply in 1d\n");
	}

	@Test
	void drawsAnSvgWithTheStatesInRowsByDistanceFromTheStart() throws Exception {
		String svg = draw("daily-checkin.yaml").svg();

		Document doc = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		Element root = doc.getDocumentElement();
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getElementsByTagName("title").item(0).getTextContent()).contains("daily-checkin");
		Map<String, Double> rowOf = new HashMap<>();
		NodeList texts = root.getElementsByTagName("text");
		for (int i = 0; i < texts.getLength(); i++) {
			Element text = (Element) texts.item(i);
			if ("13".equals(text.getAttribute("font-size"))) {
				rowOf.put(text.getTextContent(), Double.parseDouble(text.getAttribute("y")));
			}
		}
		assertThat(rowOf).containsOnlyKeys("mood", "low-mood", "cravings", "cravings-support", "connection",
				"small-step", "done");
		assertThat(rowOf.get("mood")).isLessThan(rowOf.get("low-mood"));
		assertThat(rowOf.get("low-mood")).isEqualTo(rowOf.get("cravings"));
		assertThat(rowOf.get("cravings")).isLessThan(rowOf.get("connection"));
		assertThat(rowOf.get("connection")).isLessThan(rowOf.get("done"));
		assertThat(svg).contains("a number 1–2").contains("no reply in 2h");
	}

	@Test
	void escapesTextForXml() {
		assertThat(FlowDiagrams.xml("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
	}
}
