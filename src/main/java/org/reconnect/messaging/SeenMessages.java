package org.reconnect.messaging;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SeenMessages extends MongoRepository<SeenMessage, String> {
}
