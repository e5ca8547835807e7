package dev.wirelab.nio.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import dev.wirelab.core.metrics.Gauge;
import org.junit.jupiter.api.Test;

/** The idle clock's ordering: the front is always the connection that has been quiet longest. */
class ActivityListTest {

    private final Gauge gauge = new Gauge();

    /** Touching a connection sends it to the back; the front is then the next-quietest one. */
    @Test
    void keepsConnectionsInOrderOfLastActivity() {
        ActivityList list = new ActivityList();
        SelectorConnection a = connection(), b = connection(), c = connection();
        list.addLast(a);
        list.addLast(b);
        list.addLast(c);

        list.moveToBack(a);
        assertEquals(List.of(b, c, a), walk(list));
        list.moveToBack(a); // already last: nothing changes
        assertEquals(List.of(b, c, a), walk(list));
        assertSame(b, list.first());
    }

    /** Removing from the front, the middle or the back keeps the links whole, and removing twice is harmless. */
    @Test
    void removesFromAnyPositionAndIgnoresASecondRemoval() {
        ActivityList list = new ActivityList();
        SelectorConnection a = connection(), b = connection(), c = connection(), d = connection();
        for (SelectorConnection x : List.of(a, b, c, d)) {
            list.addLast(x);
        }
        list.remove(b);
        list.remove(b);
        assertEquals(List.of(a, c, d), walk(list));
        list.remove(a);
        list.remove(d);
        assertEquals(List.of(c), walk(list));
        list.remove(c);
        assertNull(list.first());
        assertEquals(0, list.size());
    }

    private SelectorConnection connection() {
        return new SelectorConnection(null, gauge.enter()); // the list only uses the links
    }

    private static List<SelectorConnection> walk(ActivityList list) {
        List<SelectorConnection> order = new ArrayList<>();
        for (SelectorConnection c = list.first(); c != null; c = c.next) {
            order.add(c);
        }
        assertEquals(order.size(), list.size(), "size disagrees with the links");
        return order;
    }
}
