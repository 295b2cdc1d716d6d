package hotline.auth.internal;

import hotline.auth.Principal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived, per-process memory of recently checked session tokens (by token hash), so most requests need no
 * database round trip. An entry lives {@code ttl} at most and never beyond its session's expiry; a logout or a change
 * of a user on this instance removes the entries at once, other instances notice within {@code ttl}. Bounded to
 * {@code maxEntries}. Thread-safe; times come from the caller's clock.
 */
public final class TokenCache {

    private record Entry(Principal principal, Instant validUntil) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;

    public TokenCache(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public Optional<Principal> get(String tokenHash, Instant now) {
        Entry entry = entries.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.validUntil())) {
            entries.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    public void put(String tokenHash, Principal principal, Instant sessionExpiry, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.validUntil()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Instant until = now.plus(ttl);
        entries.put(tokenHash, new Entry(principal, until.isBefore(sessionExpiry) ? until : sessionExpiry));
    }

    public void remove(String tokenHash) {
        entries.remove(tokenHash);
    }

    /** Forgets every session of one user (deactivated, role changed). */
    public void removeUser(long userId) {
        entries.values().removeIf(entry -> entry.principal().id() == userId);
    }
}
