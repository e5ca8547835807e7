/**
 * The executable definition of a correct echo server: {@code EchoServerContract}, one
 * JUnit 5 suite that every server variant subclasses in one line, and what a server
 * survives: {@code EchoServerFaults}, the same shape for faults and overload (slow readers,
 * floods, churn, resets, slowloris, lifecycle, soak), run as {@code <Variant>FaultIT}.
 *
 * <p>Its helpers are public so a variant can add rules of its own in the same style:
 * {@code RawClient} (a plain blocking socket with read timeouts), {@code BytePattern}
 * (test bytes where every position differs, so misordering cannot pass) and
 * {@code Eventually} (poll a condition until a deadline instead of sleeping);
 * {@code ProcessProbe} reads what the process holds (fds, RSS, heap, threads) from /proc.
 */
package dev.wirelab.testkit;
