package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsLengthTests {

	@Test
	void aGsm7TextIsOneSegmentUpTo160AndThen153APart() {
		assertThat(SmsLength.of("a".repeat(160)).segments()).isEqualTo(1);
		assertThat(SmsLength.of("a".repeat(161)).segments()).isEqualTo(2);
		assertThat(SmsLength.of("a".repeat(153 * 2)).segments()).isEqualTo(2);
		assertThat(SmsLength.of("a".repeat(153 * 2 + 1)).segments()).isEqualTo(3);
		assertThat(SmsLength.of("a".repeat(160)).gsm7()).isTrue();
	}

	@Test
	void aUcs2TextIsOneSegmentUpTo70AndThen67APart() {
		assertThat(SmsLength.of("á".repeat(70)).segments()).isEqualTo(1);
		assertThat(SmsLength.of("á".repeat(71)).segments()).isEqualTo(2);
		assertThat(SmsLength.of("á".repeat(67 * 2)).segments()).isEqualTo(2);
		assertThat(SmsLength.of("á".repeat(67 * 2 + 1)).segments()).isEqualTo(3);
	}

	@Test
	void extensionCharactersTakeTwoSeptetsAndAreNotSplit() {
		assertThat(SmsLength.of("€".repeat(80))).satisfies(length -> {
			assertThat(length.gsm7()).isTrue();
			assertThat(length.units()).isEqualTo(160);
			assertThat(length.segments()).isEqualTo(1);
		});
		assertThat(SmsLength.of("a".repeat(159) + "[").segments()).isEqualTo(2);
		// 152 septets then an escape pair: the pair goes whole into the second part
		assertThat(SmsLength.of("a".repeat(152) + "{" + "a".repeat(152)).segments()).isEqualTo(3);
		assertThat(SmsLength.of("a".repeat(151) + "{" + "a".repeat(153)).segments()).isEqualTo(2);
	}

	@Test
	void spanishAccentsOutsideGsm7ForceUcs2AndAreNamed() {
		// ñ, é, ü, ¿ and ¡ are in GSM 03.38; á, í, ó and ú are not
		assertThat(SmsLength.of("¿Señal? ¡Café! Pingüino").gsm7()).isTrue();
		SmsLength spanish = SmsLength.of("¿Cómo estás hoy? Responde del 1 al 5, ó escribe AYUDA: más información".repeat(2));
		assertThat(spanish.gsm7()).isFalse();
		assertThat(spanish.notGsm7()).containsExactly("ó", "á");
		assertThat(spanish.units()).isEqualTo(140);
		assertThat(spanish.describe())
			.isEqualTo("3 SMS segments (140 UCS-2 characters, because of 'ó', 'á', which GSM-7 lacks)");
	}

	@Test
	void anEmojiTakesTwoUcs2UnitsAndIsNotSplit() {
		assertThat(SmsLength.of("🌱".repeat(35)).segments()).isEqualTo(1);
		assertThat(SmsLength.of("a" + "🌱".repeat(35)).segments()).isEqualTo(2);
		// 66 units then a pair: the pair goes whole into the second part
		assertThat(SmsLength.of("a".repeat(66) + "🌱" + "a".repeat(66)).segments()).isEqualTo(3);
		assertThat(SmsLength.of("a".repeat(160)).describe()).isEqualTo("1 SMS segment (160 GSM-7 characters)");
	}
}
