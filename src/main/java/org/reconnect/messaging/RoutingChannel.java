package org.reconnect.messaging;

/**
 * Picks the channel per recipient: the web chat for a number with an active link, else the
 * provider channel (Twilio SMS, or the simulator). A new channel is one more branch here and
 * nothing in the flows.
 */
class RoutingChannel implements Channel {

	private final Channel provider;
	private final WebChats webChats;

	RoutingChannel(Channel provider, WebChats webChats) {
		this.provider = provider;
		this.webChats = webChats;
	}

	@Override
	public String sender() {
		return provider.sender();
	}

	@Override
	public ChannelResult send(String to, String body) {
		return webChats.reaches(to) ? webChats.deliver(to, body) : provider.send(to, body);
	}
}
