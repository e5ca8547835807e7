/**
 * Metrics that many threads update without locks: {@link dev.wirelab.core.metrics.Counter}
 * (striped), {@link dev.wirelab.core.metrics.Gauge} (with a leak-proof guard) and the
 * {@link dev.wirelab.core.metrics.ConnectionMetrics} bundle every echo server reports.
 * Each class doc states its progress guarantee and the memory ordering it gives.
 */
package dev.wirelab.core.metrics;
