package course.kit.watch;

import course.kit.ExerciseRegister;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The watch mode: save an exercise file, and its verdict is on screen a moment later.
 * <pre>
 *   ./mvnw -Pwatch -pl 02-race      one module (mvnw.cmd on Windows, or a Maven of your own: mvn)
 *   ./mvnw -Pwatch                  the course, from its first unsolved exercise
 * </pre>
 * Maven compiles what the checks need, then runs this class in every lesson module of the
 * build, once the module is compiled (the root pom's watch profile), with the module's test
 * class path and these arguments:
 * <pre>
 *   --module-dir DIR --release N --test-jvm "OPTIONS" --maven-home DIR --reactor NAME...
 * </pre>
 * Each run writes its module's settings down (see {@link WatchedModule}); the run in the last
 * lesson module of the build starts watching every lesson module of the build.
 */
public final class Watch {

    private Watch() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Arguments arguments = Arguments.parse(args);
        WatchedModule here = new WatchedModule(arguments.moduleDir().getFileName().toString(), arguments.moduleDir(),
                WatchedModule.paths(System.getProperty("java.class.path")), WatchedModule.words(arguments.testJvm()),
                arguments.mavenHome(), arguments.release());
        here.write();
        List<String> lessons = lessonModules(arguments.reactor());
        if (lessons.isEmpty() || !lessons.getLast().equals(here.name())) {
            return; // a later module of this build watches them all
        }
        Path courseRoot = here.dir().getParent();
        List<WatchedModule> modules = lessons.stream().map(name -> WatchedModule.read(courseRoot.resolve(name))).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (WatchSession session = new WatchSession(courseRoot, modules, java, System.out,
                Boolean.getBoolean("course.watch.poll"))) {
            readKeys(session);
            session.run();
        }
        System.exit(0);
    }

    /** The lesson modules among the build's projects, in course order. */
    private static List<String> lessonModules(List<String> reactor) {
        return ExerciseRegister.load().modules().stream().filter(reactor::contains).toList();
    }

    private static void readKeys(WatchSession session) {
        Thread keys = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
                for (String line; (line = in.readLine()) != null; ) {
                    session.typed(line);
                }
            } catch (IOException e) {
                // no keyboard: saves still work
            }
        }, "watch-keys");
        keys.setDaemon(true);
        keys.start();
    }

    /** The command line Maven gives. */
    private record Arguments(Path moduleDir, String release, String testJvm, String mavenHome, List<String> reactor) {

        static Arguments parse(String[] args) {
            List<String> list = Arrays.asList(args);
            int reactorAt = list.indexOf("--reactor");
            List<String> reactor = new ArrayList<>(list.subList(reactorAt + 1, list.size()));
            reactor.removeIf(name -> name.startsWith("${")); // Maven leaves indices past the last project as they are
            return new Arguments(Path.of(value(list, "--module-dir")).toAbsolutePath().normalize(),
                    value(list, "--release"), value(list, "--test-jvm"), value(list, "--maven-home"), reactor);
        }

        private static String value(List<String> args, String name) {
            int at = args.indexOf(name);
            if (at < 0 || at + 1 >= args.size()) {
                throw new IllegalArgumentException("the watch mode needs " + name + " (see the root pom's watch profile)");
            }
            return args.get(at + 1);
        }
    }
}
