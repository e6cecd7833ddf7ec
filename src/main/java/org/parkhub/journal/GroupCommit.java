package org.parkhub.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * Commits the journal writes of concurrent callers together: whoever holds the writer's turn does every write
 * waiting in one transaction, so sixteen REST requests at once cost one commit instead of sixteen (the embedded
 * database writes its store on every commit, which the benchmark's profile showed taking most of a request).
 * Each caller returns once its own write is committed. When the shared transaction fails, every write of the group
 * is done again in a transaction of its own, so one caller's failure (a duplicate idempotency key, say) never
 * becomes another's.
 */
final class GroupCommit {

    /** One caller's part of a transaction. */
    @FunctionalInterface
    interface Write {
        void run(Connection connection) throws SQLException;
    }

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
    private final ReentrantLock turn = new ReentrantLock();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();

    GroupCommit(DataSource dataSource, int maxGroup) {
        this.dataSource = dataSource;
        this.maxGroup = maxGroup;
    }

    /** Returns once the write is committed (with others or alone); throws what its own transaction threw. */
    void commit(Write write) {
        Pending mine = new Pending(write);
        waiting.add(mine);
        turn.lock();
        try {
            // the writer before may have taken this write along already
            while (!mine.done) {
                List<Pending> group = new ArrayList<>();
                for (Pending next = waiting.poll(); next != null; next = group.size() < maxGroup ? waiting.poll() : null) {
                    group.add(next);
                }
                write(group);
            }
        } finally {
            turn.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many writes wait for their turn. */
    int waiting() {
        return waiting.size();
    }

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
        group.forEach(p -> p.done = true);
    }
}
