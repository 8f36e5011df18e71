package course.kit.watch;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A lesson module as the watch mode runs it: where it is, and how Maven would compile its
 * exercises and start its test JVM (class path, Surefire's JVM options, the Maven in use).
 * Maven writes it down for each module ({@code <module>/target/watch/worker.properties}) when
 * {@code -Pwatch} starts the watcher, so that the course mode knows every module's settings.
 *
 * @param name       the module, e.g. {@code 02-race}
 * @param dir        its directory
 * @param classPath  its test class path, as Maven gives it (test classes, classes, dependencies)
 * @param jvmOptions the options Surefire starts the module's test JVM with
 * @param mavenHome  the Maven that built it (the progress report names the command to run)
 * @param release    the Java release the module is compiled for
 */
record WatchedModule(String name, Path dir, List<Path> classPath, List<String> jvmOptions, String mavenHome,
                     String release) {

    private static final String SETTINGS = "worker.properties";

    /** The learner's sources: {@code src/exercises/java}. */
    Path starterRoot() {
        return dir.resolve("src").resolve("exercises").resolve("java");
    }

    /** The watch mode's own files: {@code target/watch}. */
    Path watchDir() {
        return dir.resolve("target").resolve("watch");
    }

    void write() {
        Properties settings = new Properties();
        settings.setProperty("name", name);
        settings.setProperty("classPath", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        settings.setProperty("jvmOptions", String.join(" ", jvmOptions));
        settings.setProperty("mavenHome", mavenHome);
        settings.setProperty("release", release);
        try {
            Files.createDirectories(watchDir());
            try (Writer out = Files.newBufferedWriter(watchDir().resolve(SETTINGS))) {
                settings.store(out, "how Maven runs this module's tests (written by ./mvnw -Pwatch)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings Maven wrote for the module in {@code dir}. */
    static WatchedModule read(Path dir) {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("target").resolve("watch").resolve(SETTINGS))) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WatchedModule(settings.getProperty("name"), dir, paths(settings.getProperty("classPath")),
                words(settings.getProperty("jvmOptions")), settings.getProperty("mavenHome"),
                settings.getProperty("release"));
    }

    static List<Path> paths(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of).toList();
    }

    static List<String> words(String options) {
        return Arrays.stream(options.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * The command line of a worker JVM: the module's test class path with the learner's freshly
     * compiled classes in front, and the JVM options and system properties Surefire gives the
     * module's test JVM (see the root pom's lesson profile).
     */
    List<String> workerCommand(String java, Path learnerClasses, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-Dcourse.module=" + name);
        command.add("-Dcourse.exercise.sources=src/exercises/java");
        command.add("-Dcourse.maven.home=" + mavenHome);
        command.add("-Dbasedir=" + dir);
        command.add("-classpath");
        List<String> entries = new ArrayList<>();
        entries.add(learnerClasses.toString());
        classPath.forEach(p -> entries.add(p.toString()));
        command.add(String.join(File.pathSeparator, entries));
        command.add(WorkerMain.class.getName());
        command.add(log.toString());
        return command;
    }

    /** The class path the learner's files compile against: the module's, without its test classes. */
    List<Path> compileClassPath() {
        return classPath.stream().filter(p -> !p.equals(testClasses())).toList();
    }

    private Path testClasses() {
        return classPath.stream().filter(p -> p.getFileName().toString().equals("test-classes")).findFirst()
                .orElse(dir.resolve("target").resolve("test-classes"));
    }

    /**
     * The exercise tests of the module: for each exercise id, the test class marked
     * {@code @Exercise(id)}. Read from the compiled test classes, in a class loader of their own
     * that is thrown away (the watcher runs no test itself).
     */
    Map<String, String> exerciseTests() {
        Path root = testClasses();
        Map<String, String> tests = new HashMap<>();
        try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader());
             Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Test.class")).toList()) {
                String className = root.relativize(file).toString().replace(File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                exerciseOf(Class.forName(className, false, loader)).ifPresent(id -> tests.put(id, className));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return tests;
    }

    private static Optional<String> exerciseOf(Class<?> test) {
        for (Annotation annotation : test.getAnnotations()) {
            if (annotation.annotationType().getName().equals("course.kit.Exercise")) {
                try {
                    return Optional.of((String) annotation.annotationType().getMethod("value").invoke(annotation));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    private URL[] urls() {
        return classPath.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }
}
