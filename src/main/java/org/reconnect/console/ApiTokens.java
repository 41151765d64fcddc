package org.reconnect.console;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface ApiTokens extends CrudRepository<ApiToken, String> {

	Optional<ApiToken> findByHash(String hash);

	List<ApiToken> findAllByOrderByIssuedAtDesc();

	List<ApiToken> findByCoach(String coach);
}
