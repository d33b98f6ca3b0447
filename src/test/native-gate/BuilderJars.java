import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a GraalVM distribution's native-image driver knows about its builder, derived here from the builder jars'
 * class files (class-file API, JDK 24+) instead of the files the driver is compiled with:
 * <ul>
 * <li>the {@code --add-exports} the builder modules need: every JDK-internal package their classes reference that
 * the owning system module does not export to them (the driver reads these from graal-compiler-flags-25.config);
 * <li>the API options ({@code --features=...}, {@code --no-fallback}, {@code --initialize-at-run-time=...}) and the
 * builder option each one stands for, declared by {@code @APIOption} on the builder's option fields (the driver
 * collects them when it is itself built, see APIOptionHandler.extractOption in
 * https://github.com/oracle/graal/blob/master/substratevm/src/com.oracle.svm.driver/src/com/oracle/svm/driver/APIOptionHandler.java).
 * </ul>
 */
final class BuilderJars {
    /** The compiler replaces the JDK's placeholder module of the same name, see {@link #compilerJar()}. */
    static final String COMPILER_MODULE = "jdk.graal.compiler";
    private static final String API_OPTION = "Lcom/oracle/svm/core/option/APIOption;";
    private static final String API_OPTIONS = "Lcom/oracle/svm/core/option/APIOption$List;";

    /** One {@code @APIOption}: {@code --name[=value]} stands for {@code builderOption + value}. */
    record ApiOption(String name, String builderOption, Optional<String> defaultValue, boolean fixed,
                     List<Character> separators, List<String> transformers) {
    }

    private final Map<String, Path> modules = new TreeMap<>();
    private final Map<String, Set<String>> exports = new TreeMap<>();
    private final List<ApiOption> apiOptions = new ArrayList<>();
    private URLClassLoader loader;

    BuilderJars(List<Path> jars) {
        Map<String, ModuleDescriptor> systemPackages = new HashMap<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            module.descriptor().packages().forEach(p -> systemPackages.put(p, module.descriptor()));
        }
        for (Path jar : jars) {
            String module = ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
            modules.put(module, jar);
            forEachClass(jar, model -> {
                for (var entry : model.constantPool()) {
                    if (entry instanceof ClassEntry type) {
                        needExport(module, type, systemPackages);
                    }
                }
                model.fields().forEach(this::addApiOptions);
            });
        }
    }

    Map<String, Path> modules() {
        return modules;
    }

    Path compilerJar() {
        return modules.get(COMPILER_MODULE);
    }

    /** {@code --add-exports=module/package=reader,...} for the builder JVM. */
    List<String> exports() {
        return exports.entrySet().stream()
                .map(e -> "--add-exports=" + e.getKey() + "=" + String.join(",", e.getValue()))
                .toList();
    }

    List<ApiOption> apiOptions() {
        return apiOptions;
    }

    /** An instance of one of the builder's classes (an API option's value transformer), made by its no-argument constructor. */
    <T> T newInstance(String className, Class<T> type) {
        try {
            if (loader == null) {
                List<URL> urls = new ArrayList<>();
                for (Path jar : modules.values()) {
                    urls.add(jar.toUri().toURL());
                }
                loader = new URLClassLoader(urls.toArray(URL[]::new));
            }
            Constructor<?> constructor = Class.forName(className, true, loader).getDeclaredConstructor();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (ReflectiveOperationException | MalformedURLException e) {
            throw new IllegalStateException("cannot instantiate the builder's " + className, e);
        }
    }

    private void needExport(String module, ClassEntry type, Map<String, ModuleDescriptor> systemPackages) {
        String name = type.asInternalName().replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return;
        }
        String pkg = name.substring(0, slash).replace('/', '.');
        ModuleDescriptor owner = systemPackages.get(pkg);
        if (owner == null || owner.name().equals(COMPILER_MODULE) || owner.name().equals(module)) {
            return;
        }
        boolean exported = owner.exports().stream().anyMatch(e -> e.source().equals(pkg)
                && (!e.isQualified() || e.targets().contains(module)));
        if (!exported) {
            exports.computeIfAbsent(owner.name() + "/" + pkg, k -> new TreeSet<>()).add(module);
        }
    }

    private void addApiOptions(FieldModel field) {
        List<Annotation> declared = field.findAttribute(Attributes.runtimeVisibleAnnotations())
                .map(RuntimeVisibleAnnotationsAttribute::annotations).orElse(List.of());
        List<Annotation> options = new ArrayList<>();
        for (Annotation annotation : declared) {
            String type = annotation.className().stringValue();
            if (type.equals(API_OPTION)) {
                options.add(annotation);
            } else if (type.equals(API_OPTIONS)) {
                element(annotation, "value").ifPresent(v -> ((AnnotationValue.OfArray) v).values()
                        .forEach(a -> options.add(((AnnotationValue.OfAnnotation) a).annotation())));
            }
        }
        if (options.isEmpty()) {
            return;
        }
        String keyType = field.fieldType().stringValue();
        String prefix = keyType.contains("RuntimeOptionKey") ? "-R:" : "-H:";
        boolean isBoolean = field.findAttribute(Attributes.signature())
                .map(s -> s.signature().stringValue().contains("<Ljava/lang/Boolean;>")).orElse(false);
        String optionName = field.fieldName().stringValue();
        for (Annotation option : options) {
            if (element(option, "group").isPresent()) {
                continue; // grouped options (--gc=...) need the group's runtime name; none is used by Quarkus
            }
            boolean negated = element(option, "kind").map(v -> ((AnnotationValue.OfEnum) v).constantName().stringValue().equals("Negated")).orElse(false);
            String builderOption = isBoolean ? prefix + (negated ? "-" : "+") + optionName : prefix + optionName + "=";
            Optional<String> fixedValue = firstString(option, "fixedValue");
            Optional<String> defaultValue = fixedValue.or(() -> firstString(option, "defaultValue"));
            List<Character> separators = element(option, "valueSeparator")
                    .map(v -> ((AnnotationValue.OfArray) v).values().stream().map(c -> ((AnnotationValue.OfChar) c).charValue()).toList())
                    .orElse(List.of('='));
            List<String> transformers = element(option, "valueTransformer")
                    .map(v -> ((AnnotationValue.OfArray) v).values().stream()
                            .map(c -> ((AnnotationValue.OfClass) c).className().stringValue())
                            .map(d -> d.substring(1, d.length() - 1).replace('/', '.')).toList())
                    .orElse(List.of());
            for (AnnotationValue name : ((AnnotationValue.OfArray) element(option, "name").orElseThrow()).values()) {
                String variant = ((AnnotationValue.OfString) name).stringValue();
                apiOptions.add(new ApiOption(variant.startsWith("-") ? variant : "--" + variant, builderOption,
                        defaultValue, isBoolean || fixedValue.isPresent(), separators, transformers));
            }
        }
    }

    private static Optional<String> firstString(Annotation annotation, String name) {
        return element(annotation, name).flatMap(v -> ((AnnotationValue.OfArray) v).values().stream().findFirst())
                .map(v -> ((AnnotationValue.OfString) v).stringValue());
    }

    static Optional<AnnotationValue> element(Annotation annotation, String name) {
        return annotation.elements().stream().filter(e -> e.name().stringValue().equals(name)).map(e -> e.value()).findFirst();
    }

    /** Parses every class of a jar. */
    static void forEachClass(Path jar, java.util.function.Consumer<ClassModel> action) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    action.accept(ClassFile.of().parse(file.getInputStream(entry).readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
