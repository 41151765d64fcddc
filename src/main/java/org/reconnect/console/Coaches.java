package org.reconnect.console;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface Coaches extends CrudRepository<Coach, String> {

	List<Coach> findByPhone(String phone);
}
