/**
 * wirelab's shared toolkit. Each sub-package is one technique of the course:
 * {@code parse} (zero-copy flyweights and the HTTP/1.1 parser), {@code protocol}
 * (sealed-state machines), {@code typestate} (connections whose state is a type),
 * {@code pool}, {@code metrics}, {@code flow} (backpressure), {@code sched} (work
 * stealing), {@code checksum} (the scalar reference) and {@code echo} (the server SPI,
 * load generator and reports).
 */
package dev.wirelab.core;
