package dev.wirelab.nio.selector;

/**
 * All connections of one event loop, least recently active first: the idle-timeout clock
 * without a timer per connection.
 *
 * <p>Every time bytes move on a connection, the loop moves it to the back
 * ({@link #moveToBack}, three pointer swaps, no allocation). So the front is always the
 * connection that has been quiet the longest, and checking for idle connections means
 * looking only at the front until one is young enough: the cost is the number of
 * connections that actually expire, not the number that exist. The same front also tells
 * the loop how long it may sleep in {@code select} before the next one could expire.
 *
 * <p>This works because every connection has the <em>same</em> timeout. With per-connection
 * deadlines a loop needs a timer wheel or a heap (Netty uses a priority queue of scheduled
 * tasks; Kafka and the Linux kernel use hierarchical timer wheels).
 *
 * <p>The list is intrusive (the links live in {@link SelectorConnection}) and single-threaded:
 * only the owning loop's thread touches it.
 */
final class ActivityList {

    private SelectorConnection head;
    private SelectorConnection tail;
    private int size;

    /** The connection that has been quiet longest, or {@code null}. */
    SelectorConnection first() {
        return head;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void addLast(SelectorConnection c) {
        c.prev = tail;
        c.next = null;
        if (tail == null) {
            head = c;
        } else {
            tail.next = c;
        }
        tail = c;
        size++;
    }

    void remove(SelectorConnection c) {
        if (c.prev == null && head != c) {
            return; // not (or no longer) in this list
        }
        if (c.prev == null) {
            head = c.next;
        } else {
            c.prev.next = c.next;
        }
        if (c.next == null) {
            tail = c.prev;
        } else {
            c.next.prev = c.prev;
        }
        c.prev = null;
        c.next = null;
        size--;
    }

    /** Marks {@code c} as just active: it goes to the back, behind every quieter connection. */
    void moveToBack(SelectorConnection c) {
        if (tail != c) {
            remove(c);
            addLast(c);
        }
    }
}
