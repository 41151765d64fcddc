package org.reconnect.coaches;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Coach accounts by username; a new account is inserted, so a taken username is a duplicate key. */
interface Coaches extends MongoRepository<Coach, String> {

	List<Coach> findByPhone(String phone);
}
