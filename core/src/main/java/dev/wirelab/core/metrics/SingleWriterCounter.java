package dev.wirelab.core.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter that exactly one thread writes and any thread reads, with the memory ordering of
 * its publication chosen at construction: the lab's lesson on Java's access modes.
 *
 * <p><b>The idea.</b> When only one thread ever writes a value, it needs no atomic
 * read-modify-write at all: the writer reads its own last value (program order guarantees
 * it sees it), adds, and stores. What is left to choose is <em>how the store is published</em>
 * to readers, and that is exactly the menu of {@link VarHandle} access modes. Agrona's
 * counters and HdrHistogram's {@code SingleWriterRecorder} are built on this trick; the
 * owner-thread check below is the lab's addition, so that breaking the rule fails loudly
 * instead of silently losing counts.
 *
 * <p>The modes, weakest first, with their Rust ({@code std::sync::atomic::Ordering}) and C++
 * names:
 * <table>
 * <caption>Java access modes and their Rust/C++ counterparts</caption>
 * <tr><th>VarHandle mode</th><th>Rust</th><th>C++</th><th>what a reader may rely on</th></tr>
 * <tr><td>plain ({@code get}/{@code set})</td><td>no atomic equivalent</td><td>non-atomic</td>
 *     <td>nothing across threads: a {@code long} may even tear on 32-bit JVMs, and a reading
 *     loop may be compiled to read once and never again</td></tr>
 * <tr><td>opaque</td><td>{@code Relaxed}</td><td>{@code memory_order_relaxed}</td>
 *     <td>the value is whole, each reader sees this variable's writes in order (coherence),
 *     and a write becomes visible eventually; nothing about <em>other</em> variables</td></tr>
 * <tr><td>release / acquire</td><td>{@code Release} / {@code Acquire}</td><td>same</td>
 *     <td>a reader whose acquire-read sees a value also sees every write the writer made
 *     before the release-write of that value: the pair is a one-way hand-off</td></tr>
 * <tr><td>volatile</td><td>{@code SeqCst}</td><td>{@code memory_order_seq_cst}</td>
 *     <td>release/acquire plus one total order of all volatile accesses, which forbids a
 *     later read from overtaking an earlier write (Dekker-style flags need this)</td></tr>
 * </table>
 *
 * <p>What it costs on this lab's x86-64 machines: x86 is "total store order", so plain, opaque
 * and release stores and plain, opaque and acquire loads all compile to the same {@code mov};
 * the stronger modes there only stop the <em>compiler</em> from reordering or caching. Only a
 * volatile store costs a fence (a locked instruction). On ARM the difference is visible in the
 * instructions ({@code stlr}/{@code ldar}). The bench module measures the modes side by side;
 * a unit test cannot show the difference on x86 (jcstress is the tool for that).
 *
 * <p><b>Guarantee:</b> {@link #add} and {@link #get} are wait-free: no loops, no CAS.
 * <b>Ordering:</b> the writer's store and every reader's load use the pair named by the
 * chosen {@link Ordering}.
 */
public final class SingleWriterCounter {

    /** How a write is published to readers; each constant names its Rust counterpart. */
    public enum Ordering {
        /** {@code setOpaque}/{@code getOpaque}: Rust's {@code Relaxed}. Enough for a statistic. */
        OPAQUE,
        /**
         * {@code setRelease}/{@code getAcquire}: Rust's {@code Release}/{@code Acquire}. Use it
         * when the count announces other data ("the first n slots are filled").
         */
        RELEASE_ACQUIRE,
        /** {@code setVolatile}/{@code getVolatile}: Rust's {@code SeqCst}. The strongest and dearest. */
        VOLATILE
    }

    private static final VarHandle VALUE;
    private static final VarHandle OWNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VALUE = lookup.findVarHandle(SingleWriterCounter.class, "value", long.class);
            OWNER = lookup.findVarHandle(SingleWriterCounter.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Ordering ordering;
    // Neither field is volatile: every access goes through a VarHandle that names its mode.
    @SuppressWarnings("unused") // accessed through VALUE
    private long value;
    @SuppressWarnings("unused") // accessed through OWNER
    private Thread owner;

    public SingleWriterCounter(Ordering ordering) {
        this.ordering = java.util.Objects.requireNonNull(ordering, "ordering");
    }

    public Ordering ordering() {
        return ordering;
    }

    public void increment() {
        add(1);
    }

    /**
     * Adds {@code delta} (not negative). The first thread to write becomes the owner; a write
     * from any other thread throws {@link IllegalStateException}.
     */
    public void add(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("a counter only goes up; delta was " + delta);
        }
        checkOwner();
        // A plain read is right here: only this thread writes, and a thread always sees its
        // own earlier writes. No CAS, no lock prefix: that is the single-writer saving.
        long next = (long) VALUE.get(this) + delta;
        switch (ordering) {
            case OPAQUE -> VALUE.setOpaque(this, next);
            case RELEASE_ACQUIRE -> VALUE.setRelease(this, next);
            case VOLATILE -> VALUE.setVolatile(this, next);
        }
    }

    /** The latest value this thread can see under the chosen ordering; callable from any thread. */
    public long get() {
        return switch (ordering) {
            case OPAQUE -> (long) VALUE.getOpaque(this);
            case RELEASE_ACQUIRE -> (long) VALUE.getAcquire(this);
            case VOLATILE -> (long) VALUE.getVolatile(this);
        };
    }

    private void checkOwner() {
        Thread me = Thread.currentThread();
        Thread current = (Thread) OWNER.getAcquire(this);
        if (current == me) {
            return;
        }
        // First write ever: claim ownership. Two racing first writers: one CAS wins.
        if (current == null && OWNER.compareAndSet(this, null, me)) {
            return;
        }
        throw new IllegalStateException("SingleWriterCounter is written only by its owner thread "
                + describe((Thread) OWNER.getAcquire(this)) + ", but " + describe(me)
                + " tried to add; give each writer its own counter, or use Counter (many writers)");
    }

    private static String describe(Thread t) {
        return "'" + t.getName() + "' (#" + t.threadId() + ")";
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }
}
