package course.kit.watch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a module's exercise sources (the learner's files) as Maven's compiler plugin does
 * (the module's release, its class path, UTF-8, debug information), inside the watcher's JVM:
 * javac stays loaded and warm between saves. Every starter file of the module is compiled
 * together, so each of them shadows the class Maven compiled for the watch build.
 */
final class LearnerCompiler {

    /** At most this many errors are shown: the first is usually the one to fix. */
    private static final int ERRORS_SHOWN = 3;

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    /** One file manager per module, kept between saves: it keeps the class path's jars open and indexed. */
    private final Map<String, StandardJavaFileManager> fileManagers = new HashMap<>();
    private final Path courseRoot;

    LearnerCompiler(Path courseRoot) {
        this.courseRoot = courseRoot;
        if (javac == null) {
            throw new IllegalStateException("the watch mode needs a JDK (javac), and this Java is a JRE only");
        }
    }

    /** Compiles into {@code output}; empty when it compiled, else javac's errors in a few lines. */
    Optional<String> compile(WatchedModule module, Path output) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager files = fileManagers.computeIfAbsent(module.name(),
                name -> javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            List<String> options = List.of("--release", module.release(), "-encoding", "UTF-8", "-g", "-proc:none",
                    "-implicit:none", "-classpath",
                    module.compileClassPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources(module))).call();
            return compiled ? Optional.empty() : Optional.of(errors(diagnostics.getDiagnostics()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(WatchedModule module) throws IOException {
        try (Stream<Path> files = Files.walk(module.starterRoot())) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The errors as javac prints them: file:line: error: message, the line, a caret under the place. */
    private String errors(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors =
                diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        StringBuilder text = new StringBuilder();
        errors.stream().limit(ERRORS_SHOWN).forEach(error -> text.append(shown(error)));
        if (errors.size() > ERRORS_SHOWN) {
            text.append("(and ").append(errors.size() - ERRORS_SHOWN).append(" more errors)\n");
        }
        if (errors.isEmpty()) {
            text.append("javac failed without an error message\n");
        }
        return text.toString();
    }

    private String shown(Diagnostic<? extends JavaFileObject> error) {
        String message = error.getMessage(Locale.ROOT);
        if (error.getSource() == null) {
            return "error: " + message + "\n";
        }
        Path file = Path.of(error.getSource().toUri());
        String where = courseRoot.relativize(file).toString().replace('\\', '/') + ":" + error.getLineNumber();
        StringBuilder text = new StringBuilder(where).append(": error: ").append(message).append('\n');
        sourceLine(file, error.getLineNumber()).ifPresent(line -> text.append(line).append('\n')
                .append(" ".repeat((int) Math.max(0, error.getColumnNumber() - 1))).append("^\n"));
        return text.toString();
    }

    private static Optional<String> sourceLine(Path file, long number) {
        try (Stream<String> lines = Files.lines(file)) {
            return number < 1 ? Optional.empty() : lines.skip(number - 1).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
