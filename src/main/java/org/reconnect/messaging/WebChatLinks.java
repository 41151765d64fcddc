package org.reconnect.messaging;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface WebChatLinks extends CrudRepository<WebChatLink, String> {

	List<WebChatLink> findByPhoneAndRevokedAtIsNull(String phone);

	List<WebChatLink> findByPhoneInAndRevokedAtIsNull(Collection<String> phones);

	List<WebChatLink> findByPhone(String phone);
}
