package org.reconnect.messaging;

/**
 * One step of the {@link InboundPipeline}: the module that owns a kind of inbound message
 * contributes its handler under the step the pipeline declares for it, so the order lives in one
 * place and the handler stays in its module.
 */
public interface InboundHandler {

	/** The step this handler fills; the pipeline does not start with a step filled twice or not at all. */
	InboundPipeline.Step step();

	/** @return true when the message was dealt with and no later step should see it */
	boolean handle(Inbound inbound);
}
