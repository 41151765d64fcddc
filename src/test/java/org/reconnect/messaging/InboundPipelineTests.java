package org.reconnect.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reconnect.messaging.InboundPipeline.Step;
import org.reconnect.participants.ParticipantService;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The pipeline without Spring: its order, its refusal to start incomplete, and one sender lookup a message. */
class InboundPipelineTests {

	private static final String FROM = "+12025550143";

	private final List<Step> asked = new ArrayList<>();

	private final List<Sender> seen = new ArrayList<>();

	private final List<String> lookedUp = new ArrayList<>();

	private final SenderLookup senders = phone -> {
		lookedUp.add(phone);
		return new Sender.Unknown(phone);
	};

	@Test
	void asksTheStepsInTheDeclaredOrderWhateverOrderTheirBeansComeIn() {
		List<InboundHandler> handlers = new ArrayList<>(Arrays.stream(Step.values()).map(step -> handler(step, false)).toList());
		Collections.shuffle(handlers, new Random(20));

		new InboundPipeline(handlers, senders).pass(message("hello"));

		// The order the @Order numbers gave before the pipeline (-100, 0, 40, 50, 50, 100, 120, 130, 150, 200),
		// with a participant's LANGUAGE after PAUSE.
		assertThat(asked).containsExactly(Step.CRISIS, Step.KEYWORDS, Step.PAUSE, Step.LANGUAGE, Step.ACKNOWLEDGEMENT,
				Step.ASK_FOR_PERSON, Step.CONSENT, Step.SHARING, Step.ALLY_CONVERSATIONS, Step.CONSENT_RENEWAL, Step.REMINDER_REPLIES,
				Step.COACH_THREAD, Step.FLOWS, Step.ALLY_REPLY);
	}

	@Test
	void endsAMessagesWayAtTheFirstStepThatDealsWithIt() {
		List<InboundHandler> handlers = Arrays.stream(Step.values()).map(step -> handler(step, step == Step.PAUSE)).toList();

		InboundPipeline.Passage passage = new InboundPipeline(handlers, senders).pass(message("PAUSE 3 days"));

		assertThat(passage.handledBy()).contains(Step.PAUSE);
		assertThat(asked).containsExactly(Step.CRISIS, Step.KEYWORDS, Step.PAUSE);
	}

	@Test
	void saysWhenNoStepDealtWithAMessage() {
		List<InboundHandler> handlers = Arrays.stream(Step.values()).map(step -> handler(step, false)).toList();

		assertThat(new InboundPipeline(handlers, senders).pass(message("hello")).handledBy()).isEmpty();
	}

	@Test
	void looksTheSenderUpOncePerMessageAndHandsTheSameSenderToEveryStep() {
		List<InboundHandler> handlers = Arrays.stream(Step.values()).map(step -> handler(step, false)).toList();
		InboundPipeline pipeline = new InboundPipeline(handlers, senders);

		InboundPipeline.Passage first = pipeline.pass(message("first"));
		pipeline.pass(message("second"));

		assertThat(lookedUp).containsExactly(FROM, FROM);
		assertThat(seen).hasSize(2 * Step.values().length);
		assertThat(seen.subList(0, Step.values().length)).allSatisfy(sender -> assertThat(sender).isSameAs(first.inbound().sender()));
	}

	@Test
	void doesNotStartWithoutAStepAndNamesTheOneMissing() {
		List<InboundHandler> handlers = Arrays.stream(Step.values())
			.filter(step -> step != Step.REMINDER_REPLIES)
			.map(step -> handler(step, false))
			.toList();

		assertThatIllegalStateException().isThrownBy(() -> new InboundPipeline(handlers, senders))
			.withMessageContaining("REMINDER_REPLIES")
			.withMessageNotContaining("FLOWS");
	}

	@Test
	void doesNotStartWithAStepFilledTwice() {
		List<InboundHandler> handlers = new ArrayList<>(Arrays.stream(Step.values()).map(step -> handler(step, false)).toList());
		handlers.add(handler(Step.CONSENT, true));

		assertThatIllegalStateException().isThrownBy(() -> new InboundPipeline(handlers, senders))
			.withMessageContaining("CONSENT is filled twice");
	}

	/** Every step reads the sender it is handed; none looks the number up again. */
	@Test
	void noStepLooksTheSenderUpAgain() {
		noClasses().that()
			.implement(InboundHandler.class)
			.or()
			.haveFullyQualifiedName("org.reconnect.flows.ConversationReplies")
			.should()
			.callMethod(ParticipantService.class, "findByPhone", String.class)
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.reconnect"));
	}

	private InboundHandler handler(Step step, boolean dealsWithIt) {
		return new InboundHandler() {

			@Override
			public Step step() {
				return step;
			}

			@Override
			public boolean handle(Inbound inbound) {
				asked.add(step);
				seen.add(inbound.sender());
				return dealsWithIt;
			}
		};
	}

	private static InboundMessage message(String body) {
		return new InboundMessage("test:" + body, FROM, body, Instant.parse("2030-03-08T16:00:00Z"));
	}
}
