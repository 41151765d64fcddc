package org.reconnect.messaging;

import org.springframework.data.repository.CrudRepository;

interface WhatsAppSessions extends CrudRepository<WhatsAppSession, String> {
}
