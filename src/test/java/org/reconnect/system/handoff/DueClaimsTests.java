package org.reconnect.system.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The one hand-off of due work, on its own with a plain MongoTemplate on the embedded wire server
 * and a kind of work of its own (as the outbox's would be): claimers racing for one batch win
 * disjoint items; what a dead claimer left pending is taken over after the lease and not before,
 * once however many sweeps race, and the dead claimer's late record is refused; one item is
 * claimed by the same path as a batch.
 */
class DueClaimsTests {

	private static final Instant NOW = Instant.parse("2030-03-04T12:00:00Z");

	private static final Instant NEXT = NOW.plus(Duration.ofDays(1));

	/** A due chore: the smallest document the hand-off works on. */
	@Document("chores")
	static class Chore {

		@Id
		String id;

		Instant dueAt;

		String outcome;

		String claimedBy;

		Pending pending;

		record Pending(String token, Instant claimedAt) {
		}
	}

	private static final DueClaims.Kind<Chore> CHORES = new DueClaims.Kind<>("chore", Chore.class, chore -> chore.id,
			new Mark.Pending<>(chore -> chore.pending.token(),
					(chore, token, at) -> chore.pending = new Chore.Pending(token, at)));

	/** A leased job, as the outbox leases its entries: held while open, free again once settled. */
	@Document("jobs")
	static class Job {

		@Id
		String id;

		String owner;

		Instant until = Instant.EPOCH;

		String state = "open";

		String outcome;
	}

	private static final DueClaims.Kind<Job> JOBS = new DueClaims.Kind<>("job", Job.class, job -> job.id,
			new Mark.Lease<>("owner", "until", Instant.EPOCH, "state", "open", job -> job.owner));

	/** Thrown after a batch's claim, before its hand-over: the claimer dies there. */
	static final class Stopped extends Error {

		Stopped() {
			super("stopped after the claim", null, false, false);
		}
	}

	private final MutableClock clock = new MutableClock(NOW);

	private MongoServer server;

	private MongoClient client;

	private MongoTemplate mongo;

	private DueClaims claims;

	@BeforeEach
	void start() {
		server = new MongoServer(new H2Backend(new MVStore.Builder().open()));
		client = MongoClients.create(server.bindAndGetConnectionString());
		mongo = new MongoTemplate(client, "due-claims");
		claims = new DueClaims(mongo, new HandOffSettings(4, 10, Duration.ofMinutes(2)), (kind, count) -> {
		}, clock);
	}

	@AfterEach
	void stop() {
		claims.close();
		client.close();
		server.shutdownNow();
	}

	@Test
	void twoClaimersRacingForOneBatchWinDisjointItemsThatTogetherAreAll() throws Exception {
		List<String> ids = insertDue(40);
		List<Chore> readByA = mongo.findAll(Chore.class);
		List<Chore> readByB = mongo.findAll(Chore.class);
		Set<String> wonByA = ConcurrentHashMap.newKeySet();
		Set<String> wonByB = ConcurrentHashMap.newKeySet();

		List<Integer> counted = racing(() -> claimBatch(readByA, wonByA), () -> claimBatch(readByB, wonByB));

		assertThat(counted.get(0) + counted.get(1)).isEqualTo(ids.size());
		assertThat(java.util.Collections.disjoint(wonByA, wonByB)).as("no item won by both").isTrue();
		Set<String> all = new HashSet<>(wonByA);
		all.addAll(wonByB);
		assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
		for (Chore chore : mongo.findAll(Chore.class)) {
			assertThat(chore.dueAt).as("moved on by its claim").isEqualTo(NEXT);
			assertThat(chore.pending.token()).as("recorded pending by the claim that won it").isEqualTo(chore.claimedBy);
		}
	}

	@Test
	void anItemWhoseDecisionFailsStaysDueForTheNextSweepAndTheRestAreClaimed() {
		List<String> ids = insertDue(12);
		String broken = ids.get(5);
		Set<String> won = ConcurrentHashMap.newKeySet();
		Set<String> decided = ConcurrentHashMap.newKeySet();
		DueClaims.Decide<Chore, Chore> decide = chore -> {
			decided.add(chore.id);
			if (chore.id.equals(broken)) {
				throw new IllegalStateException("cannot decide " + chore.id);
			}
			return chore;
		};

		int counted = claims.claimDue(CHORES, Criteria.where("dueAt").lte(NOW), () -> true,
				(batch, token, failed) -> DueClaims.decideEach(CHORES, batch, failed, decide, (chore, decision) -> {
					chore.pending = new Chore.Pending(token, clock.instant());
					return new DueClaims.Claim<>(chore.id, Criteria.where("dueAt").is(chore.dueAt),
							new Update().set("dueAt", NEXT), chore.pending, decision);
				}), (claimed, failed) -> {
					claimed.forEach(chore -> won.add(chore.id));
					return claimed.size();
				});

		assertThat(counted).isEqualTo(ids.size() - 1);
		assertThat(won).doesNotContain(broken).hasSize(ids.size() - 1);
		assertThat(mongo.findById(broken, Chore.class).dueAt).as("still due for the next sweep").isEqualTo(NOW);
		assertThat(mongo.findById(broken, Chore.class).pending).isNull();
		assertThat(decided).as("every item decided (the failed one once, not read again)").hasSize(ids.size());
	}

	@Test
	void whatADeadClaimerLeftPendingIsTakenOverOnceAfterTheLeaseAndNotBefore() throws Exception {
		List<String> ids = insertDue(25);
		assertThatThrownBy(() -> claims.claimDue(CHORES, Criteria.where("dueAt").lte(NOW), () -> true, this::claimsOf,
				(won, failed) -> {
					throw new Stopped();
				})).satisfiesAnyOf(stop -> assertThat(stop).isInstanceOf(Stopped.class),
						stop -> assertThat(stop).hasCauseInstanceOf(Stopped.class)); // on a hand-off thread
		List<Chore> leftByTheDead = mongo.findAll(Chore.class);
		assertThat(leftByTheDead).allSatisfy(chore -> assertThat(chore.pending).isNotNull());
		assertThat(claims.claimDue(CHORES, Criteria.where("dueAt").lte(NOW), () -> true, this::claimsOf,
				(won, failed) -> won.size())).as("nothing is due twice").isZero();

		Set<String> finishedByA = ConcurrentHashMap.newKeySet();
		Set<String> finishedByB = ConcurrentHashMap.newKeySet();
		clock.set(NOW.plusSeconds(119));
		assertThat(claims.recover(CHORES, () -> true, (taken, now) -> finish(taken, now, finishedByA)))
			.as("within the lease the claimer may still be at work").isZero();
		assertThat(finishedByA).isEmpty();

		clock.set(NOW.plusSeconds(121));
		List<Integer> finished = racing(
				() -> claims.recover(CHORES, () -> true, (taken, now) -> finish(taken, now, finishedByA)),
				() -> claims.recover(CHORES, () -> true, (taken, now) -> finish(taken, now, finishedByB)));

		assertThat(finished.get(0) + finished.get(1)).isEqualTo(ids.size());
		assertThat(java.util.Collections.disjoint(finishedByA, finishedByB)).as("no item finished by both (one sweep may take all)").isTrue();
		for (Chore chore : mongo.findAll(Chore.class)) {
			assertThat(chore.outcome).isEqualTo("finished");
			assertThat(chore.pending).as("cleared").isNull();
		}
		assertThat(claims.recover(CHORES, () -> true, (taken, now) -> finish(taken, now, finishedByA))).isZero();

		// The dead claimer wakes and records what it held: its token is no longer the chore's.
		claims.settle(CHORES, leftByTheDead.stream()
			.map(chore -> new DueClaims.Settle<>(chore, new Update().set("outcome", "late")))
			.toList());
		assertThat(mongo.findAll(Chore.class)).extracting(chore -> chore.outcome).containsOnly("finished");
	}

	@Test
	void oneItemIsClaimedByTheSamePathAsABatch() throws Exception {
		String id = insertDue(1).get(0);
		Chore asRead = mongo.findById(id, Chore.class);
		Chore readAgain = mongo.findById(id, Chore.class);
		Set<String> won = new HashSet<>();

		assertThat(claimBatch(List.of(asRead), won)).isEqualTo(1);
		assertThat(claimBatch(List.of(readAgain), won)).as("read before the claim, no longer due as read").isZero();

		assertThat(won).containsExactly(id);
		Chore claimed = mongo.findById(id, Chore.class);
		assertThat(claimed.dueAt).isEqualTo(NEXT);
		assertThat(claimed.pending.token()).isEqualTo(claimed.claimedBy);
		assertThat(claimed.pending.claimedAt()).isEqualTo(NOW);
	}

	@Test
	void aLeaseThatRanOutIsTakenOnlyByAClaimNamingItsHolderAndTheOldHoldersOutcomeIsRefused() {
		Job job = new Job();
		job.id = "job-1";
		mongo.insert(job);
		Job asRead = mongo.findById(job.id, Job.class);

		List<Job> first = claims.claim(JOBS, List.of(lease(asRead)), "first", Sort.unsorted());
		assertThat(first).singleElement().satisfies(won -> assertThat(won.owner).isEqualTo("first"));
		assertThat(claims.claim(JOBS, List.of(lease(asRead)), "second", Sort.unsorted()))
			.as("read free, held now").isEmpty();

		clock.set(NOW.plusSeconds(121));
		Job heldAsRead = mongo.findById(job.id, Job.class);
		assertThat(claims.claim(JOBS, List.of(lease(asRead)), "free-only", Sort.unsorted()))
			.as("a claim of a free job does not take a held one, even when its lease ran out").isEmpty();
		List<Job> taken = claims.claim(JOBS, List.of(lease(heldAsRead)), "third", Sort.unsorted());
		assertThat(taken).singleElement().satisfies(won -> assertThat(won.owner).isEqualTo("third"));

		assertThat(claims.settlePlain(JOBS, List.of(new DueClaims.Settle<>(first.get(0), new Update().set("outcome", "late")))))
			.as("the first holder's lease passed on").isZero();
		assertThat(claims.settlePlain(JOBS, List.of(new DueClaims.Settle<>(taken.get(0), new Update().set("outcome", "done")))))
			.isEqualTo(1);
		Job settled = mongo.findById(job.id, Job.class);
		assertThat(settled.outcome).isEqualTo("done");
		assertThat(settled.owner).as("free again").isNull();
		assertThat(settled.until).isEqualTo(Instant.EPOCH);
	}

	/** Leases the job for two minutes while it is free by the clock and held by whom it was read with. */
	private DueClaims.Claim<Job> lease(Job read) {
		return new DueClaims.Claim<>(read.id,
				Criteria.where("until").lte(clock.instant()).and("owner").is(read.owner),
				new Update().set("until", clock.instant().plus(Duration.ofMinutes(2))), null, read);
	}

	private int claimBatch(List<Chore> batch, Set<String> won) {
		return claims.claimBatch(CHORES, batch, ConcurrentHashMap.newKeySet(), this::claimsOf, (claimed, failed) -> {
			claimed.forEach(chore -> won.add(chore.id));
			return claimed.size();
		});
	}

	/** Each chore moves on to tomorrow while it is still due as read, recorded pending. */
	private List<DueClaims.Claim<Chore>> claimsOf(List<Chore> batch, String token, Set<String> failed) {
		return batch.stream().map(chore -> {
			chore.pending = new Chore.Pending(token, clock.instant());
			return new DueClaims.Claim<>(chore.id, Criteria.where("dueAt").is(chore.dueAt),
					new Update().set("dueAt", NEXT), chore.pending, chore);
		}).toList();
	}

	private int finish(List<Chore> taken, Instant now, Set<String> finished) {
		taken.forEach(chore -> finished.add(chore.id));
		claims.settle(CHORES,
				taken.stream().map(chore -> new DueClaims.Settle<>(chore, new Update().set("outcome", "finished"))).toList());
		return taken.size();
	}

	private List<String> insertDue(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Chore chore = new Chore();
			chore.id = "chore-" + i;
			chore.dueAt = NOW;
			mongo.insert(chore);
			ids.add(chore.id);
		}
		return ids;
	}

	/** Runs both at once, as two nodes, and returns what each counted. */
	private static List<Integer> racing(Callable<Integer> a, Callable<Integer> b) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> done = nodes.invokeAll(List.<Callable<Integer>>of(() -> {
				together.await();
				return a.call();
			}, () -> {
				together.await();
				return b.call();
			}));
			return List.of(done.get(0).get(), done.get(1).get());
		}
		finally {
			nodes.shutdown();
		}
	}
}
