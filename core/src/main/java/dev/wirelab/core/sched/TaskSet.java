package dev.wirelab.core.sched;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A skewed, reproducible set of tasks: many short ones, a few very long ones, and some that
 * fork children when they run. The same seed always gives the same tasks in the same order.
 *
 * <pre>
 *   roots (shuffled):  S S S L S F S S S S F S L S ...
 *                                   │
 *                                   └─ F runs 1 unit, then forks children C C C C ...
 *   S = short (a few units)   L = long (thousands of units)   C = child (a few units)
 * </pre>
 *
 * Skew is the point: with a static split the thread that drew the long tasks finishes last
 * while the others idle; a scheduler that balances at run time lets idle threads take the
 * remaining short work.
 *
 * @param roots the top-level tasks, in submission order; ids are 0..roots-1, children after
 * @param totalTasks roots plus every child
 * @param totalUnits the sum of every task's units (the work to do, in calibrated units)
 */
public record TaskSet(long seed, Shape shape, List<Task> roots, int totalTasks, long totalUnits) {

    /** What kind of task; only {@link #FORK} has children. */
    public enum Kind { SHORT, LONG, FORK, CHILD }

    /** One task: its id, kind, size in work units, and the children it forks after its own work. */
    public record Task(int id, Kind kind, int units, List<Task> children) {
    }

    /**
     * How many of each kind of task, and how big.
     *
     * @param shortUnitsMax short tasks are 1..shortUnitsMax units
     * @param childUnitsMax children are 1..childUnitsMax units
     */
    public record Shape(int shortTasks, int shortUnitsMax, int longTasks, int longUnits, int forkTasks,
                        int childrenPerFork, int childUnitsMax) {
        public Shape {
            if (shortTasks < 0 || longTasks < 0 || forkTasks < 0 || childrenPerFork < 0
                    || shortUnitsMax < 1 || longUnits < 1 || childUnitsMax < 1) {
                throw new IllegalArgumentException("task counts must not be negative and sizes must be positive: " + this);
            }
        }

        /** 4,000 short (1-5 units), 8 long (2,000 units), 400 forking into 8 children (1-5 units). */
        public static Shape defaults() {
            return new Shape(4_000, 5, 8, 2_000, 400, 8, 5);
        }

        /** The same proportions with every count multiplied by {@code factor} (at least one of each). */
        public Shape scaled(double factor) {
            return new Shape(scale(shortTasks, factor), shortUnitsMax, scale(longTasks, factor), longUnits,
                    scale(forkTasks, factor), childrenPerFork, childUnitsMax);
        }

        private static int scale(int n, double factor) {
            return n == 0 ? 0 : Math.max(1, (int) Math.round(n * factor));
        }
    }

    /** Builds the task set for {@code seed}; the same arguments always give an equal result. */
    public static TaskSet generate(long seed, Shape shape) {
        Random random = new Random(seed);
        // Phase 1: decide each root's kind and size, then shuffle, so long tasks land anywhere.
        List<int[]> plan = new ArrayList<>(); // {kind ordinal, units}
        for (int i = 0; i < shape.shortTasks(); i++) {
            plan.add(new int[] {Kind.SHORT.ordinal(), 1 + random.nextInt(shape.shortUnitsMax())});
        }
        for (int i = 0; i < shape.longTasks(); i++) {
            plan.add(new int[] {Kind.LONG.ordinal(), shape.longUnits()});
        }
        for (int i = 0; i < shape.forkTasks(); i++) {
            plan.add(new int[] {Kind.FORK.ordinal(), 1});
        }
        Collections.shuffle(plan, random);

        // Phase 2: number the roots 0..n-1 in order, and the children after them.
        int nextChildId = plan.size();
        long units = 0;
        List<Task> roots = new ArrayList<>(plan.size());
        for (int id = 0; id < plan.size(); id++) {
            Kind kind = Kind.values()[plan.get(id)[0]];
            int taskUnits = plan.get(id)[1];
            units += taskUnits;
            List<Task> children = new ArrayList<>();
            if (kind == Kind.FORK) {
                for (int c = 0; c < shape.childrenPerFork(); c++) {
                    int childUnits = 1 + random.nextInt(shape.childUnitsMax());
                    children.add(new Task(nextChildId++, Kind.CHILD, childUnits, List.of()));
                    units += childUnits;
                }
            }
            roots.add(new Task(id, kind, taskUnits, List.copyOf(children)));
        }
        return new TaskSet(seed, shape, List.copyOf(roots), nextChildId, units);
    }

    /** The value task {@code id} contributes to the checksum: a cheap, well-mixed function of the id. */
    public static long valueOf(int id) {
        long z = (id + 1) * 0x9E3779B97F4A7C15L; // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The checksum a run must produce if every task ran exactly once. */
    public long expectedChecksum() {
        long sum = 0;
        for (int id = 0; id < totalTasks; id++) {
            sum += valueOf(id);
        }
        return sum;
    }
}
