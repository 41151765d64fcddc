package org.reconnect.system.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Sweeps that run at once on several nodes (here: threads) claim each due document exactly once,
 * across more than one round of ids, and leave alone what is not due.
 */
class ClaimEachIntegrationTests extends SimulatorAppTestBase {

	@Document("claim-each-test")
	static class Item {

		@Id
		String id;

		boolean due;

		String takenBy;
	}

	@Autowired
	MongoTemplate mongo;

	@Test
	void concurrentSweepsClaimEachDueDocumentOnce() throws Exception {
		mongo.dropCollection(Item.class);
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < 1_300; i++) {
			Item item = new Item();
			item.id = "item-" + i;
			item.due = i % 13 != 0; // 1,200 due, 100 not
			items.add(item);
		}
		mongo.insertAll(items);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		List<String> twice = new ArrayList<>();
		ExecutorService nodes = Executors.newFixedThreadPool(3);
		List<Future<Integer>> sweeps = new ArrayList<>();
		for (int n = 0; n < 3; n++) {
			String node = "node-" + n;
			sweeps.add(nodes.submit(() -> ClaimEach.claimEach(mongo, Item.class, Criteria.where("due").is(true),
					() -> new Update().set("due", false).set("takenBy", node), Integer.MAX_VALUE, claimed -> {
						if (!seen.add(claimed.id)) {
							synchronized (twice) {
								twice.add(claimed.id);
							}
						}
						return true;
					})));
		}
		int total = 0;
		for (Future<Integer> sweep : sweeps) {
			total += sweep.get();
		}
		nodes.shutdown();

		assertThat(twice).as("claimed twice").isEmpty();
		assertThat(total).isEqualTo(1_200);
		assertThat(seen).hasSize(1_200).noneMatch(id -> Integer.parseInt(id.substring(5)) % 13 == 0);
		assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("takenBy").exists(true)),
				Item.class)).isEqualTo(1_200);
		mongo.dropCollection(Item.class);
	}

	@Test
	void aSweepStopsAtItsLimitOrWhenTheWorkSaysSo() {
		mongo.dropCollection(Item.class);
		for (int i = 0; i < 30; i++) {
			Item item = new Item();
			item.id = "item-" + i;
			item.due = true;
			mongo.insert(item);
		}
		assertThat(ClaimEach.claimEach(mongo, Item.class, Criteria.where("due").is(true),
				() -> new Update().set("due", false), 10, claimed -> true)).isEqualTo(10);
		int[] worked = { 0 };
		assertThat(ClaimEach.claimEach(mongo, Item.class, Criteria.where("due").is(true),
				() -> new Update().set("due", false), Integer.MAX_VALUE, claimed -> ++worked[0] < 3)).isEqualTo(3);
		assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("due").is(true)),
				Item.class)).isEqualTo(17);
		mongo.dropCollection(Item.class);
	}
}
