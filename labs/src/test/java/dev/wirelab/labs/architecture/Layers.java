package dev.wirelab.labs.architecture;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wirelab's layer picture as data, and a checker that reads a class file and says which of
 * its references break it. ARCHITECTURE.md draws the same picture for people.
 *
 * <p>A class "uses" every wirelab class its constant pool names: class references, field and
 * method descriptors, generic signatures. That is what {@code javac} kept of its imports (an
 * import that is never used leaves no trace, and breaks nothing at run time either).
 */
final class Layers {

    /** Package prefix (internal form) of each module's code. */
    static final Map<String, String> MODULE_OF_PACKAGE = Map.of(
            "dev/wirelab/core/", "core",
            "dev/wirelab/testkit/", "core-testkit",
            "dev/wirelab/simd/", "simd",
            "dev/wirelab/nio/", "nio-echo",
            "dev/wirelab/async/", "async-echo",
            "dev/wirelab/actor/", "actor-echo",
            "dev/wirelab/bench/", "bench",
            "dev/wirelab/labs/", "labs");

    /** The server variants: leaves that meet only through core's SPI. */
    static final Set<String> VARIANTS = Set.of("nio-echo", "async-echo", "actor-echo");

    /**
     * Which modules each module's classes may use (itself always). core is the centre; simd and
     * the testkit sit on it; a variant may use core and simd but never another variant; the lab
     * sees variants only through the SPI in core, so it may use no variant's classes at all;
     * the benchmarks compare everything with everything.
     */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "core", Set.of(),
            "core-testkit", Set.of("core"),
            "simd", Set.of("core"),
            "nio-echo", Set.of("core", "simd"),
            "async-echo", Set.of("core", "simd"),
            "actor-echo", Set.of("core", "simd"),
            "bench", Set.of("core", "simd", "nio-echo", "async-echo", "actor-echo"),
            "labs", Set.of("core", "simd", "core-testkit"));

    private static final Pattern WIRELAB_CLASS = Pattern.compile("dev/wirelab/[a-z0-9_/]+/[A-Za-z0-9_$]+");

    private Layers() {
    }

    /** One reference that crosses a line it may not cross. */
    record Violation(String fromClass, String fromModule, String toClass, String toModule) {
        @Override
        public String toString() {
            String why = VARIANTS.contains(fromModule) && VARIANTS.contains(toModule) ? "a variant uses another variant"
                    : fromModule.equals("labs") && VARIANTS.contains(toModule) ? "labs uses a variant's internals (use the SPI)"
                    : fromModule + " may not use " + toModule;
            return fromClass.replace('/', '.') + " -> " + toClass.replace('/', '.') + ": " + why;
        }
    }

    static Optional<String> moduleOf(String internalName) {
        return MODULE_OF_PACKAGE.entrySet().stream().filter(e -> internalName.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Every other wirelab class a class file names, in internal form ({@code dev/wirelab/core/echo/EchoServer}). */
    static Set<String> references(byte[] classFile) {
        ClassModel model = ClassFile.of().parse(classFile);
        String self = model.thisClass().asInternalName();
        Set<String> names = new TreeSet<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof Utf8Entry utf8) {
                // Class names, descriptors ("Ldev/wirelab/...;") and signatures all live in UTF-8 entries.
                Matcher m = WIRELAB_CLASS.matcher(utf8.stringValue());
                while (m.find()) {
                    String name = m.group();
                    int nested = name.indexOf('$');
                    String outer = nested < 0 ? name : name.substring(0, nested);
                    if (!outer.equals(self)) {
                        names.add(outer);
                    }
                }
            }
        }
        return names;
    }

    /** The references of one class file that break the layers; empty when it keeps to them. */
    static List<Violation> check(byte[] classFile) {
        String self = ClassFile.of().parse(classFile).thisClass().asInternalName();
        String from = moduleOf(self).orElse("");
        List<Violation> violations = new ArrayList<>();
        if (from.isEmpty()) {
            return violations;
        }
        for (String target : references(classFile)) {
            moduleOf(target).filter(to -> !to.equals(from) && !MAY_USE.get(from).contains(to))
                    .ifPresent(to -> violations.add(new Violation(self, from, target, to)));
        }
        return violations;
    }
}
