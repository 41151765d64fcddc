package org.reconnect.system.handoff;

import java.time.Instant;
import java.util.function.Function;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How a {@link DueClaims} claim marks its documents as taken, and how an outcome clears the mark:
 * a {@link Pending} record beside the document's own state, or a {@link Lease}.
 */
public sealed interface Mark<T> {

	/** The field a claim writes its batch's token to, read back to learn which it won. */
	String claimField();

	/** The document while its mark is still the one {@code item} was read or claimed with. */
	Criteria held(T item);

	/** Adds to a claim's update what marks the document as this token's. */
	Update claiming(Update update, DueClaims.Claim<?> claim, String token);

	/** Adds to an outcome's update what clears the mark. */
	Update cleared(Update outcome);

	/**
	 * The work recorded pending beside the document's own state (check-ins, reminders): the claim
	 * writes its token to {@code claimedBy} and the kind's pending record (with {@code token} and
	 * {@code claimedAt}) to {@code pending}; the sweep takes over what is pending longer than the
	 * lease ({@link DueClaims#recover}).
	 *
	 * @param token the token of a document's pending mark, as read
	 * @param takenOver moves a document's pending mark, in memory, to the token that took it over
	 */
	record Pending<T>(Function<T, String> token, TakenOver<T> takenOver) implements Mark<T> {

		/** Set by a claim to its batch's token: afterwards, which documents the batch won. */
		static final String CLAIM_TOKEN = "claimedBy";

		/** The work claimed and not yet handed over: a kind's own record with {@code token} and {@code claimedAt}. */
		static final String PENDING = "pending";

		static final String PENDING_TOKEN = PENDING + ".token";

		static final String PENDING_SINCE = PENDING + ".claimedAt";

		@Override
		public String claimField() {
			return CLAIM_TOKEN;
		}

		@Override
		public Criteria held(T item) {
			return Criteria.where(PENDING_TOKEN).is(token.apply(item));
		}

		@Override
		public Update claiming(Update update, DueClaims.Claim<?> claim, String batchToken) {
			update.set(CLAIM_TOKEN, batchToken);
			return claim.pending() == null ? update : update.set(PENDING, claim.pending());
		}

		@Override
		public Update cleared(Update outcome) {
			return outcome.unset(PENDING);
		}
	}

	/**
	 * A lease (the outbox): the claim's token in {@code owner} and when the lease ends in
	 * {@code until} (set by the claim's own update); an outcome frees both. The mark holds only
	 * while {@code state} is still {@code open}: work that ended otherwise (an erased participant's
	 * message dropped) is not written over. A lease that ran out is taken over by the next claim
	 * of the due work, whose condition names the owner it read.
	 *
	 * @param holder the owner of an item's lease, as read or claimed
	 * @param free what {@code until} holds while nobody holds the lease
	 */
	record Lease<T>(String owner, String until, Object free, String state, Object open,
			Function<T, String> holder) implements Mark<T> {

		@Override
		public String claimField() {
			return owner;
		}

		@Override
		public Criteria held(T item) {
			return Criteria.where(owner).is(holder.apply(item)).and(state).is(open);
		}

		@Override
		public Update claiming(Update update, DueClaims.Claim<?> claim, String token) {
			return update.set(owner, token);
		}

		@Override
		public Update cleared(Update outcome) {
			return outcome.set(owner, null).set(until, free);
		}
	}

	/** Moves an item's pending mark, in memory, to the token that took it over. */
	interface TakenOver<T> {

		void moved(T item, String token, Instant at);
	}
}
