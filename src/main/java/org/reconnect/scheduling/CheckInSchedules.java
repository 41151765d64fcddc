package org.reconnect.scheduling;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface CheckInSchedules extends CrudRepository<CheckInSchedule, String> {

	List<CheckInSchedule> findBySlot(String slot);
}
