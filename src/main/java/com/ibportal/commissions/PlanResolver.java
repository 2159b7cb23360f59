package com.ibportal.commissions;

import com.ibportal.commissions.engine.PlanVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which plan version a partner has at an instant, for the ledger's hot path. Three caches, all in this JVM:
 * parsed versions by id (immutable, never evicted), each plan's version list (changes on put) and each
 * partner's assignment history (changes on assign). The last two are dropped when a transaction that changed
 * them ends, committed or not; a load that raced with such a change is used once but not kept (generation
 * counters). Another instance's changes are not seen: see the decisions (multi-instance caveat).
 */
@Component
class PlanResolver {

    record VersionRef(long id, int number, Instant effectiveFrom) {
    }

    record AssignmentRef(long planId, String planCode, Instant effectiveFrom) {
    }

    private final PlanStore store;
    private final Map<String, List<AssignmentRef>> assignments = new ConcurrentHashMap<>();
    private final Map<Long, List<VersionRef>> versionsByPlan = new ConcurrentHashMap<>();
    private final Map<Long, PlanVersion> parsed = new ConcurrentHashMap<>();
    private final AtomicLong assignmentGeneration = new AtomicLong();
    private final AtomicLong versionGeneration = new AtomicLong();

    PlanResolver(PlanStore store) {
        this.store = store;
    }

    /** The plan version each partner has at {@code t}; partners without a plan then (or unknown) are absent. */
    Map<String, PlanVersion> versionsAt(Collection<String> partnerCodes, Instant t) {
        Map<String, AssignmentRef> held = assignmentsAt(partnerCodes, t);
        if (held.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> planCodes = new HashMap<>();
        held.values().forEach(a -> planCodes.put(a.planId(), a.planCode()));
        Map<Long, List<VersionRef>> versions = versionLists(planCodes.keySet());
        Map<String, VersionRef> chosen = new HashMap<>();
        held.forEach((partner, assignment) -> {
            VersionRef version = versionAt(versions.getOrDefault(assignment.planId(), List.of()), t);
            if (version != null) {
                chosen.put(partner, version);
            }
        });
        Map<Long, PlanVersion> plans = parsedVersions(chosen.values(), held.values());
        Map<String, PlanVersion> result = new HashMap<>();
        chosen.forEach((partner, version) -> result.put(partner, plans.get(version.id())));
        return result;
    }

    /** The assignment holding at {@code t} for each partner that has one. */
    Map<String, AssignmentRef> assignmentsAt(Collection<String> partnerCodes, Instant t) {
        Map<String, AssignmentRef> held = new HashMap<>();
        histories(partnerCodes).forEach((partner, history) -> {
            AssignmentRef assignment = assignmentAt(history, t);
            if (assignment != null) {
                held.put(partner, assignment);
            }
        });
        return held;
    }

    /** The version of a plan in force at {@code t}: the highest-numbered one whose effectiveFrom is not after it. */
    VersionRef versionAt(long planId, Instant t) {
        return versionAt(versionLists(Set.of(planId)).getOrDefault(planId, List.of()), t);
    }

    /** Forget a partner's assignments now and when the current transaction ends (whatever its outcome). */
    void assignmentChanged(String partnerCode) {
        Runnable evict = () -> {
            assignmentGeneration.incrementAndGet();
            assignments.remove(partnerCode);
        };
        evict.run();
        afterTransaction(evict);
    }

    void versionsChanged(long planId) {
        Runnable evict = () -> {
            versionGeneration.incrementAndGet();
            versionsByPlan.remove(planId);
        };
        evict.run();
        afterTransaction(evict);
    }

    private Map<String, List<AssignmentRef>> histories(Collection<String> partnerCodes) {
        Map<String, List<AssignmentRef>> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String code : partnerCodes) {
            List<AssignmentRef> cached = assignments.get(code);
            if (cached != null) {
                found.put(code, cached);
            } else {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            long generation = assignmentGeneration.get();
            Map<String, List<AssignmentRef>> loaded = new HashMap<>();
            for (PlanStore.AssignmentRow row : store.assignments(missing)) {
                List<AssignmentRef> history = loaded.computeIfAbsent(row.partnerCode(), c -> new ArrayList<>());
                if (row.planCode() != null) {
                    history.add(new AssignmentRef(row.planId(), row.planCode(), row.effectiveFrom()));
                }
            }
            loaded.replaceAll((code, history) -> List.copyOf(history));
            found.putAll(loaded);
            if (assignmentGeneration.get() == generation && !inWritingTransaction()) {
                assignments.putAll(loaded);
            }
        }
        return found;
    }

    private Map<Long, List<VersionRef>> versionLists(Set<Long> planIds) {
        Map<Long, List<VersionRef>> found = new HashMap<>();
        Set<Long> missing = new LinkedHashSet<>();
        for (Long planId : planIds) {
            List<VersionRef> cached = versionsByPlan.get(planId);
            if (cached != null) {
                found.put(planId, cached);
            } else {
                missing.add(planId);
            }
        }
        if (!missing.isEmpty()) {
            long generation = versionGeneration.get();
            Map<Long, List<VersionRef>> loaded = new HashMap<>();
            for (PlanStore.VersionRow row : store.versions(missing, false)) {
                loaded.computeIfAbsent(row.planId(), id -> new ArrayList<>())
                        .add(new VersionRef(row.id(), row.number(), row.effectiveFrom()));
            }
            loaded.replaceAll((id, versions) -> List.copyOf(versions));
            found.putAll(loaded);
            if (versionGeneration.get() == generation && !inWritingTransaction()) {
                versionsByPlan.putAll(loaded);
            }
        }
        return found;
    }

    private Map<Long, PlanVersion> parsedVersions(Collection<VersionRef> versions, Collection<AssignmentRef> plans) {
        Map<Long, PlanVersion> found = new HashMap<>();
        Set<Long> missing = new LinkedHashSet<>();
        for (VersionRef version : versions) {
            PlanVersion cached = parsed.get(version.id());
            if (cached != null) {
                found.put(version.id(), cached);
            } else {
                missing.add(version.id());
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, String> planCodes = new HashMap<>();
            plans.forEach(a -> planCodes.put(a.planId(), a.planCode()));
            for (PlanStore.VersionRow row : store.versionsById(missing)) {
                PlanVersion version = PlanJson.read(row.document()).toPlanVersion(planCodes.get(row.planId()), row.number());
                found.put(row.id(), version);
                // Stored versions are never changed, so a parsed one is good for ever (unless its transaction rolls back).
                if (!inWritingTransaction()) {
                    parsed.put(row.id(), version);
                }
            }
        }
        return found;
    }

    private static AssignmentRef assignmentAt(List<AssignmentRef> history, Instant t) {
        // The latest-made assignment that has started by t: a later assignment overrides earlier ones from its date on.
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).effectiveFrom().isAfter(t)) {
                return history.get(i);
            }
        }
        return null;
    }

    private static VersionRef versionAt(List<VersionRef> versions, Instant t) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).effectiveFrom().isAfter(t)) {
                return versions.get(i);
            }
        }
        return null;
    }

    /** Reads inside a transaction that wrote plan data may see uncommitted rows: those are used but not cached. */
    private static boolean inWritingTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && TransactionSynchronizationManager.hasResource(PlanResolver.class);
    }

    private static void afterTransaction(Runnable evict) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (!TransactionSynchronizationManager.hasResource(PlanResolver.class)) {
                TransactionSynchronizationManager.bindResource(PlanResolver.class, Boolean.TRUE);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(PlanResolver.class);
                    }
                });
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }
}
