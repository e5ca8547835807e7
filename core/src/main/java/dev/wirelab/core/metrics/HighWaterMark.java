package dev.wirelab.core.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest value ever reported to it ("most connections open at once", "deepest queue").
 *
 * <p><b>The idea.</b> A maximum cannot be kept with a plain {@code fetch_add}: the new value
 * depends on the old one, so it needs a compare-and-set loop. The loop below has a fast path
 * that {@link AtomicLong#accumulateAndGet} lacks: when the candidate is not a new peak (the
 * common case once a server has warmed up) it only <em>reads</em>, so the cache line stays
 * shared between cores instead of bouncing on every call.
 *
 * <pre>
 *   observe(v):  seen = mark ──► v &lt;= seen? ──yes──► done (no write)
 *                                   │ no
 *                                   ▼
 *                        CAS(mark, seen → v) ──ok──► done
 *                                   │ failed: someone else moved the mark
 *                                   └──► seen = mark, loop
 * </pre>
 *
 * <p><b>Guarantee:</b> lock-free. A CAS fails only because another thread succeeded in raising
 * the mark, so the system as a whole always makes progress; each failure also raises
 * {@code seen}, so a thread retries at most once per larger value it races with.
 * <b>Ordering:</b> volatile reads and CAS (Rust's {@code SeqCst}). Nothing else is published
 * through the mark, so Relaxed ({@code getOpaque}/{@code weakCompareAndSetPlain}) would be
 * enough; on x86 the CAS is one {@code LOCK CMPXCHG} whatever mode you ask for, so the lab keeps
 * the simplest mode to reason about.
 */
public final class HighWaterMark {

    private final AtomicLong mark;

    /** A mark that starts at zero, the right start for counts and gauges. */
    public HighWaterMark() {
        this(0);
    }

    public HighWaterMark(long initial) {
        this.mark = new AtomicLong(initial);
    }

    /**
     * Raises the mark to {@code candidate} if it is larger.
     *
     * @return true if {@code candidate} became the new mark
     */
    public boolean observe(long candidate) {
        long seen = mark.get();
        while (candidate > seen) {
            // weak CAS may fail spuriously; the loop re-reads and tries again, which is why
            // the weak form is enough (and cheaper on LL/SC machines such as ARM).
            if (mark.weakCompareAndSetVolatile(seen, candidate)) {
                return true;
            }
            seen = mark.get();
        }
        return false;
    }

    public long get() {
        return mark.get();
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }
}
