package org.reconnect.messaging;

import org.springframework.context.ApplicationContext;

/** Lets whole-app tests outside this package run the package-private dispatcher. */
public final class OutboxTestAccess {

	private OutboxTestAccess() {
	}

	public static int drain(ApplicationContext context) {
		return context.getBean(Dispatcher.class).drain();
	}
}
