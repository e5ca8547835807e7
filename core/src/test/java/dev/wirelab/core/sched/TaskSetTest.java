package dev.wirelab.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.wirelab.core.sched.TaskSet.Kind;
import dev.wirelab.core.sched.TaskSet.Shape;
import dev.wirelab.core.sched.TaskSet.Task;
import org.junit.jupiter.api.Test;

class TaskSetTest {

    private static final Shape SHAPE = new Shape(100, 5, 3, 500, 10, 4, 5);

    /** The same seed gives the same tasks in the same order: experiments are reproducible. */
    @Test
    void sameSeedGivesTheSameTaskSet() {
        assertEquals(TaskSet.generate(7, SHAPE), TaskSet.generate(7, SHAPE));
        assertNotEquals(TaskSet.generate(7, SHAPE).roots(), TaskSet.generate(8, SHAPE).roots());
    }

    /** The set has the shape asked for, and every id from 0 to totalTasks-1 appears exactly once. */
    @Test
    void hasTheRequestedShapeAndDenseUniqueIds() {
        TaskSet set = TaskSet.generate(1, SHAPE);
        List<Task> all = new ArrayList<>(set.roots());
        set.roots().forEach(r -> all.addAll(r.children()));

        assertEquals(100, count(all, Kind.SHORT));
        assertEquals(3, count(all, Kind.LONG));
        assertEquals(10, count(all, Kind.FORK));
        assertEquals(40, count(all, Kind.CHILD));
        assertEquals(153, set.totalTasks());
        Set<Integer> ids = new HashSet<>();
        all.forEach(t -> ids.add(t.id()));
        assertEquals(153, ids.size());
        assertTrue(ids.stream().allMatch(id -> id >= 0 && id < 153));
        assertEquals(all.stream().mapToLong(Task::units).sum(), set.totalUnits());
    }

    /** It is skewed: one long task outweighs a hundred of the largest short ones. */
    @Test
    void isSkewed() {
        TaskSet set = TaskSet.generate(1, SHAPE);
        int longest = set.roots().stream().mapToInt(Task::units).max().orElseThrow();
        assertEquals(500, longest);
        assertTrue(longest >= 100 * SHAPE.shortUnitsMax());
        assertTrue(set.roots().stream().filter(t -> t.kind() == Kind.SHORT).allMatch(t -> t.units() <= 5));
    }

    /** Scaling keeps the proportions and never drops a kind to zero. */
    @Test
    void scalingKeepsEveryKind() {
        Shape small = Shape.defaults().scaled(0.001);
        assertEquals(4, small.shortTasks());
        assertEquals(1, small.longTasks());
        assertEquals(1, small.forkTasks());
        assertEquals(Shape.defaults().longUnits(), small.longUnits());
    }

    @Test
    void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Shape(-1, 5, 1, 1, 1, 1, 1));
    }

    private static long count(List<Task> tasks, Kind kind) {
        return tasks.stream().filter(t -> t.kind() == kind).count();
    }
}
