package org.parkhub.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * Commits the journal writes of concurrent callers together: one caller at a time leads, doing every write waiting
 * in one transaction, so sixteen REST requests at once cost one commit instead of sixteen (the embedded database
 * writes its store on every commit, which the benchmark's profile showed taking most of a request). Each caller
 * returns as soon as its own write is committed, by whoever led: a caller that had to take the writer's lock to
 * learn it queued behind the groups written after its own (the profile's lock waits). The leader writes groups
 * until its own write is done, then hands the lead to a caller still waiting. When the shared transaction fails,
 * every write of the group is done again in a transaction of its own, so one caller's failure (a duplicate
 * idempotency key, say) never becomes another's.
 */
final class GroupCommit {

    /** One caller's part of a transaction. */
    @FunctionalInterface
    interface Write {
        void run(Connection connection) throws SQLException;
    }

    /** A caller's write; its fields are guarded by the lock. */
    private static final class Pending {
        private final Write write;
        private boolean done;
        private RuntimeException failure;

        private Pending(Write write) {
            this.write = write;
        }
    }

    private final DataSource dataSource;
    private final int maxGroup;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupDone = lock.newCondition();
    private final Queue<Pending> waiting = new ArrayDeque<>();
    private boolean leading;

    GroupCommit(DataSource dataSource, int maxGroup) {
        this.dataSource = dataSource;
        this.maxGroup = maxGroup;
    }

    /** Returns once the write is committed (with others or alone); throws what its own transaction threw. */
    void commit(Write write) {
        Pending mine = new Pending(write);
        boolean leader;
        lock.lock();
        try {
            waiting.add(mine);
            while (leading && !mine.done) {
                groupDone.awaitUninterruptibly();
            }
            leader = !mine.done;
            leading |= leader;
        } finally {
            lock.unlock();
        }
        if (leader) {
            lead(mine);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Writes the waiting groups, outside the lock, until the leader's own write is among those done. */
    private void lead(Pending mine) {
        try {
            boolean ownDone = false;
            while (!ownDone) {
                List<Pending> group = take();
                try {
                    write(group);
                } catch (Error e) {
                    // the group's callers hear of it instead of waiting for ever
                    group.forEach(p -> p.failure = new JournalException("journal write failed: " + e, e));
                    throw e;
                } finally {
                    ownDone = finish(group, mine);
                }
            }
        } finally {
            lock.lock();
            try {
                leading = false;
                groupDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private List<Pending> take() {
        List<Pending> group = new ArrayList<>();
        lock.lock();
        try {
            for (Pending next = waiting.poll(); next != null; next = group.size() < maxGroup ? waiting.poll() : null) {
                group.add(next);
            }
        } finally {
            lock.unlock();
        }
        return group;
    }

    /** Marks the group done and wakes its callers; whether the leader's own write was in it. */
    private boolean finish(List<Pending> group, Pending mine) {
        lock.lock();
        try {
            group.forEach(p -> p.done = true);
            groupDone.signalAll();
            return mine.done;
        } finally {
            lock.unlock();
        }
    }

    /** How many writes wait for a leader to take them. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the group's writes in one transaction; records each write's own failure when they had to go alone. */
    private void write(List<Pending> group) {
        try {
            Transactions.run(dataSource, c -> {
                for (Pending p : group) {
                    p.write.run(c);
                }
                return null;
            });
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).failure = failed;
            } else {
                for (Pending p : group) {
                    try {
                        Transactions.run(dataSource, c -> {
                            p.write.run(c);
                            return null;
                        });
                    } catch (RuntimeException alone) {
                        p.failure = alone;
                    }
                }
            }
        }
    }
}
