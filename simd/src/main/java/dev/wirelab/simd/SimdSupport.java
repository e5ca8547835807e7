package dev.wirelab.simd;

import java.util.Locale;

/**
 * Decides, once per JVM, whether the kernels run on the Vector API or on the scalar
 * fallback, and says why: feature detection with a scalar fallback, in Java.
 *
 * <h2>How the choice is made</h2>
 * <ol>
 *   <li>{@code -Dwirelab.simd=scalar} forces the fallback (for lessons and tests).</li>
 *   <li>Is {@code jdk.incubator.vector} in the boot module layer? An incubator module is
 *       only there if the JVM was started with {@code --add-modules jdk.incubator.vector}.
 *       If not: scalar.</li>
 *   <li>Load the vector implementation <em>by name</em>, through the {@link Kernels}
 *       interface. No class of this package that is loaded unconditionally names a vector
 *       class, so a missing module can never surface as a {@code NoClassDefFoundError} in a
 *       caller; should linking fail anyway, the error is caught here, reported, and the
 *       scalar path is used.</li>
 *   <li>Is the preferred species big enough? Below {@value #MIN_VECTOR_BITS} bits
 *       (a machine or JVM flag such as {@code -XX:MaxVectorSize=8} without real SIMD
 *       registers) a "vector" holds one {@code long}: the scalar kernel does the same work
 *       with less overhead. The set scans also need at least 16 byte lanes for their
 *       16-entry table.</li>
 * </ol>
 * The choice is final for the life of the JVM: the facades hold it in a
 * {@code static final} field, so after JIT compilation there is no per-call dispatch.
 * Where the lab simplifies: it does not notice a JVM that runs without the C2 compiler
 * ({@code -XX:TieredStopAtLevel=1}, {@code -Xint}); there the Vector API is not
 * intrinsified and the vector path is very slow, but still correct.
 */
public final class SimdSupport {

    /** The system property that forces a path: {@code scalar}; anything else (or unset) means automatic. */
    public static final String PROPERTY = "wirelab.simd";

    /** Smaller preferred vectors than this gain nothing over the 64-bit scalar kernels. */
    public static final int MIN_VECTOR_BITS = 128;

    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Which implementation runs. */
    public enum Path { VECTOR, SCALAR }

    /**
     * The outcome of the detection.
     *
     * @param path       the active path
     * @param vectorBits the vector size in bits on the vector path, 0 on the scalar path
     * @param reason     why this path, in words
     * @param fix        what to do to get the vector path; empty when nothing is to be done
     */
    public record Selection(Path path, int vectorBits, String reason, String fix) {
    }

    private record Choice(Kernels kernels, Selection selection) {
    }

    private static final Choice CHOICE = choose(System.getProperty(PROPERTY, "auto"),
            ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent());

    /** The kernels every facade calls; a constant after class initialization. */
    static final Kernels KERNELS = CHOICE.kernels();

    private SimdSupport() {
    }

    /** The active path and why it was chosen. */
    public static Selection selection() {
        return CHOICE.selection();
    }

    /** Whether the Vector API kernels are active. */
    public static boolean vectorized() {
        return CHOICE.selection().path() == Path.VECTOR;
    }

    /**
     * One line for {@code lab doctor} and logs, e.g. {@code "vector path: preferred species
     * 512-bit (64 byte lanes) of jdk.incubator.vector"} or {@code "scalar path:
     * jdk.incubator.vector not loaded"}.
     */
    public static String describe() {
        Selection s = CHOICE.selection();
        return s.path().name().toLowerCase(Locale.ROOT) + " path: " + s.reason();
    }

    private static Choice choose(String property, boolean modulePresent) {
        // 1. forced by the user
        if ("scalar".equalsIgnoreCase(property.trim())) {
            return scalar("forced by -D" + PROPERTY + "=scalar", "drop -D" + PROPERTY + "=scalar");
        }
        // 2. the incubator module must have been added at start-up
        if (!modulePresent) {
            return scalar(VECTOR_MODULE + " not loaded",
                    "start the JVM with --add-modules " + VECTOR_MODULE + " (./lab does this for you)");
        }
        // 3. load the vector kernels by name only now that their module is known to be there
        Kernels vector;
        try {
            vector = (Kernels) Class.forName(SimdSupport.class.getPackageName() + ".VectorPath")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return scalar("the vector kernels failed to load (" + e + ")",
                    "report this: the module is present but the kernels did not link");
        }
        // 4. a vector must be wide enough to pay for itself
        int bits = vector.vectorBits();
        String species = "preferred species " + bits + "-bit (" + bits / 8 + " byte lanes)";
        if (bits < MIN_VECTOR_BITS) {
            return scalar(species + " is below the " + MIN_VECTOR_BITS
                    + " bits the kernels need to beat 64-bit scalar code",
                    "none on this CPU/JVM (check that -XX:MaxVectorSize is not set low)");
        }
        return new Choice(vector, new Selection(Path.VECTOR, bits, species + " of " + VECTOR_MODULE, ""));
    }

    private static Choice scalar(String reason, String fix) {
        return new Choice(new ScalarPath(), new Selection(Path.SCALAR, 0, reason, fix));
    }
}
