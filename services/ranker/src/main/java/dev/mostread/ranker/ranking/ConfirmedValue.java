package dev.mostread.ranker.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of an article's looks (its title, url or image) as page views tell it, defended against
 * defacement (§7): the first value is shown at once, but a different value replaces it only once
 * {@code confirmations} distinct visitors have carried it. One anonymous request, or many from one visitor,
 * cannot change what readers see. A few rival values are remembered at once; a new one pushes out the one
 * with the fewest visitors, so a flood of invented values cannot grow the state or keep the real one out.
 */
public final class ConfirmedValue {

    /** Rival values remembered per field. */
    static final int MAX_PROPOSALS = 3;

    private static final class Proposal {
        final String value;
        final long[] visitors;
        int count;

        Proposal(String value, int confirmations) {
            this.value = value;
            this.visitors = new long[confirmations];
        }

        /** Adds a visitor; true once the proposal has been carried by enough of them. */
        boolean vote(long visitor) {
            for (int i = 0; i < count; i++) {
                if (visitors[i] == visitor) {
                    return false;
                }
            }
            visitors[count++] = visitor;
            return count == visitors.length;
        }
    }

    private String shown;
    private List<Proposal> proposals;

    public ConfirmedValue(String shown) {
        this.shown = shown;
    }

    public String shown() {
        return shown;
    }

    /**
     * Takes one view's value for this field.
     *
     * @param visitorId who carried it; null for a view without one, which can propose a first value only
     * @return true if the shown value changed
     */
    public boolean offer(String value, String visitorId, int confirmations) {
        if (value == null || value.equals(shown)) {
            return false;
        }
        if (shown == null || confirmations <= 1) {
            shown = value;
            proposals = null;
            return true;
        }
        if (visitorId == null) {
            return false;
        }
        Proposal proposal = proposal(value, confirmations);
        if (proposal.vote(hash64(visitorId))) {
            shown = value;
            proposals = null;
            return true;
        }
        return false;
    }

    /** FNV-1a, 64 bits: a collision can only merge two visitors into one, never make one count twice. */
    private static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private Proposal proposal(String value, int confirmations) {
        if (proposals == null) {
            proposals = new ArrayList<>(MAX_PROPOSALS);
        }
        Proposal weakest = null;
        for (Proposal proposal : proposals) {
            if (proposal.value.equals(value)) {
                return proposal;
            }
            if (weakest == null || proposal.count < weakest.count) {
                weakest = proposal;
            }
        }
        if (proposals.size() == MAX_PROPOSALS) {
            proposals.remove(weakest);
        }
        Proposal created = new Proposal(value, confirmations);
        proposals.add(created);
        return created;
    }

    /** How many distinct visitors carried {@code value} so far (0 if it is not a pending proposal). */
    int votes(String value) {
        if (proposals != null) {
            for (Proposal proposal : proposals) {
                if (Objects.equals(proposal.value, value)) {
                    return proposal.count;
                }
            }
        }
        return 0;
    }
}
