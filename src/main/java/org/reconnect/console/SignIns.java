package org.reconnect.console;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;

interface SignIns extends CrudRepository<SignIn, String> {

	List<SignIn> findAllByOrderByAtDesc(Pageable page);

	List<SignIn> findByUsernameOrderByAtDesc(String username, Pageable page);
}
