package org.reconnect.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo clock. Bound under {@code reconnect.scheduling}, where these keys have always been.
 *
 * @param demoStep a jump of the simulator's demo clock moves in steps of at most this, running the
 * due work after each, so what falls due inside a jump happens in order
 * @param longestDemoJump the longest one jump may be
 */
@Validated
@ConfigurationProperties("reconnect.scheduling")
record SimulatorSettings(@DefaultValue("15m") Duration demoStep, @DefaultValue("30d") Duration longestDemoJump) {
}
