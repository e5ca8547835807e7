package dev.wirelab.labs.tour;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.BitSet;
import java.util.Optional;

/**
 * Pins the calling thread to chosen CPUs with Linux's {@code sched_setaffinity(2)}, called
 * through the FFM API (no JNI, no library). Threads the pinned thread starts afterwards
 * inherit its CPU set, so pinning the thread that starts the load generator pins the
 * generator's I/O threads too.
 *
 * <p>Why the tour cares: a round trip is two wake-ups of a sleeping thread, and waking a
 * thread on the other vCPU of a VM costs several times more than on the same one. Left to
 * the OS, the placement (and with it the latency figure) changes from run to run; pinned, it
 * is stated. On anything but Linux, {@link #available()} is false and nothing is pinned.
 */
public final class CpuAffinity {

    /** Room for 1024 CPUs, the size glibc's {@code cpu_set_t} uses. */
    private static final long MASK_BYTES = 128;

    private static final Optional<MethodHandle> SET = lookup("sched_setaffinity");
    private static final Optional<MethodHandle> GET = lookup("sched_getaffinity");

    private CpuAffinity() {
    }

    private static Optional<MethodHandle> lookup(String name) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            // int sched_xxxaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask); pid 0 = the calling thread
            FunctionDescriptor signature = FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
            return linker.defaultLookup().find(name).map(symbol -> linker.downcallHandle(symbol, signature));
        } catch (RuntimeException e) {
            return Optional.empty(); // e.g. native access not enabled: the tour runs unpinned
        }
    }

    public static boolean available() {
        return SET.isPresent() && GET.isPresent();
    }

    /** The CPUs the calling thread may run on now. */
    public static BitSet current() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            int rc = (int) GET.orElseThrow(CpuAffinity::unavailable).invokeExact(0, MASK_BYTES, mask);
            if (rc != 0) {
                throw new IllegalStateException("sched_getaffinity failed");
            }
            return BitSet.valueOf(mask.toArray(ValueLayout.JAVA_BYTE));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sched_getaffinity failed: " + e, e);
        }
    }

    /** Restricts the calling thread (and threads it starts later) to {@code cpus}. */
    public static void pin(BitSet cpus) {
        if (cpus.isEmpty() || cpus.length() > MASK_BYTES * 8) {
            throw new IllegalArgumentException("CPU set must name 1 to " + MASK_BYTES * 8 + " CPUs, was " + cpus);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            byte[] bits = cpus.toByteArray();
            MemorySegment.copy(bits, 0, mask, ValueLayout.JAVA_BYTE, 0, bits.length);
            int rc = (int) SET.orElseThrow(CpuAffinity::unavailable).invokeExact(0, MASK_BYTES, mask);
            if (rc != 0) {
                throw new IllegalStateException("sched_setaffinity(" + cpus + ") failed: is that CPU online?");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sched_setaffinity failed: " + e, e);
        }
    }

    private static IllegalStateException unavailable() {
        return new IllegalStateException("CPU pinning needs Linux and --enable-native-access=ALL-UNNAMED");
    }
}
