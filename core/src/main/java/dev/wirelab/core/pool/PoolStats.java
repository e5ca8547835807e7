package dev.wirelab.core.pool;

/**
 * A pool's counters at one moment (each read once, so fields may be microseconds apart).
 *
 * @param created objects the factory made
 * @param reused leases served by an idle object rather than a new one
 * @param destroyed objects disposed of: broken, failed validation, or the pool closed
 * @param destroyFailures destroys whose {@code Factory.destroy} threw (included in destroyed)
 * @param waiting callers blocked in {@code acquire} right now
 * @param peakWaiting the most callers ever blocked at once
 * @param leased leases open right now (counted slot by slot when the stats are taken)
 * @param idle objects waiting in the pool to be reused
 * @param peakLive the most objects alive at once; never above {@code maxSize}. (There is no
 *        "peak leased": it would cost a shared write on every claim, see {@code Pool}.)
 */
public record PoolStats(String name, int maxSize, long created, long reused, long destroyed, long destroyFailures,
                        long waiting, long peakWaiting, long leased, int idle, long peakLive) {

    /** Objects alive now: made and not yet destroyed. */
    public long live() {
        return created - destroyed;
    }

    /** Share of leases served without a new object, 0..1 (the pool's whole point). */
    public double reuseRatio() {
        long leases = created + reused;
        return leases == 0 ? 0 : (double) reused / leases;
    }
}
