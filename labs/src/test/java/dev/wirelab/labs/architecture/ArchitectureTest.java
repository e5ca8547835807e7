package dev.wirelab.labs.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers hold in the compiled code: no variant uses another variant, and the lab uses no
 * variant's classes (only core's SPI). Runs over every wirelab class on labs' test class path,
 * which holds every module's main classes and labs' own tests.
 */
class ArchitectureTest {

    /** Every wirelab class file on the class path keeps to {@link Layers#MAY_USE}. */
    @Test
    void everyModuleUsesOnlyWhatItsLayerAllows() {
        List<String> violations = new ArrayList<>();
        Set<String> modulesSeen = new TreeSet<>();
        forEachWirelabClass((name, bytes) -> {
            Layers.moduleOf(name).ifPresent(modulesSeen::add);
            Layers.check(bytes).forEach(v -> violations.add(v.toString()));
        });
        // Guard: a scan that found nothing would pass for the wrong reason.
        assertEquals(new TreeSet<>(Layers.MODULE_OF_PACKAGE.values()), modulesSeen, "modules scanned");
        assertEquals(List.of(), violations);
    }

    /** The checker bites: a variant class that names another variant's class is reported. */
    @Test
    void reportsAVariantUsingAnotherVariant() {
        byte[] rogue = classWithField("dev.wirelab.nio.Rogue", "dev.wirelab.async.netty.Transport");

        assertEquals(List.of("dev.wirelab.nio.Rogue -> dev.wirelab.async.netty.Transport: a variant uses another variant"),
                Layers.check(rogue).stream().map(Layers.Violation::toString).toList());
    }

    /** The checker bites: a lab class whose method takes a variant's class is reported. */
    @Test
    void reportsTheLabUsingAVariantsInternals() {
        byte[] rogue = ClassFile.of().build(ClassDesc.of("dev.wirelab.labs.doctor.Rogue"), cb -> cb.withMethod("look",
                MethodTypeDesc.of(java.lang.constant.ConstantDescs.CD_void, ClassDesc.of("dev.wirelab.actor.akka.ConnectionActor")),
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, mb -> mb.withCode(code -> code.return_())));

        assertEquals(List.of("dev.wirelab.labs.doctor.Rogue -> dev.wirelab.actor.akka.ConnectionActor:"
                        + " labs uses a variant's internals (use the SPI)"),
                Layers.check(rogue).stream().map(Layers.Violation::toString).toList());
    }

    /** The SPI is the way in: a lab class naming core's provider interface is fine, and so is core using itself. */
    @Test
    void acceptsTheLabUsingTheSpi() {
        assertEquals(List.of(), Layers.check(classWithField("dev.wirelab.labs.Fine", "dev.wirelab.core.echo.EchoServerProvider")));
        assertEquals(Set.of("dev/wirelab/core/echo/EchoServerProvider"),
                Layers.references(classWithField("dev.wirelab.labs.Fine", "dev.wirelab.core.echo.EchoServerProvider")));
    }

    private static byte[] classWithField(String className, String fieldType) {
        return ClassFile.of().build(ClassDesc.of(className),
                cb -> cb.withField("field", ClassDesc.of(fieldType), ClassFile.ACC_PRIVATE));
    }

    /** Visits every class under dev/wirelab/ in the class path's directories and wirelab jars. */
    private static void forEachWirelabClass(ClassVisitor visitor) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    Path root = path.resolve("dev/wirelab");
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> files = Files.walk(root)) {
                            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                                String name = path.relativize(file).toString().replace(File.separatorChar, '/');
                                visitor.visit(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
                            }
                        }
                    }
                } else if (path.getFileName().toString().startsWith("wirelab-") && Files.isRegularFile(path)) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        for (var e : jar.stream().filter(e -> e.getName().startsWith("dev/wirelab/")
                                && e.getName().endsWith(".class")).toList()) {
                            try (var in = jar.getInputStream(e)) {
                                visitor.visit(e.getName().substring(0, e.getName().length() - 6), in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface ClassVisitor {
        void visit(String internalName, byte[] bytes);
    }
}
