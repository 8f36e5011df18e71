package course.cpuio.exercises;

import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.Worker;
import course.cpuio.WorkerFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Answers a learner might give to exercise cpuio.runner, right and wrong, for {@code RunnerCheckIT}. */
final class RunnerAnswers {

    private RunnerAnswers() {
    }

    /** A started worker: its process, and both its streams read to the end by threads of their own. */
    record Started(Worker worker, Process process, Future<String> output, Future<String> errors) {
        int exit() throws InterruptedException {
            return process.waitFor();
        }

        String lastLine() {
            return lastLineOf(output.resultNow());
        }

        String lastErrorLine() {
            return lastLineOf(errors.resultNow());
        }
    }

    /** The last line that is not blank, stripped; "" if there is none. */
    static String lastLineOf(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }

    static Started start(Worker worker, ExecutorService readers) throws IOException {
        Process process = new ProcessBuilder(worker.command()).start();
        return new Started(worker, process, readers.submit(() -> text(process.getInputStream())),
                readers.submit(() -> text(process.getErrorStream())));
    }

    static String text(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Starts all, waits for all (exits and both streams); then {@code judge} decides. */
    static RunReport startAllThenJudge(List<Worker> workers, Judge judge)
            throws IOException, InterruptedException, WorkerFailedException {
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            List<Started> started = new ArrayList<>();
            for (Worker worker : workers) {
                started.add(start(worker, readers));
            }
            for (Started s : started) {
                s.exit();
                s.output().get();
                s.errors().get();
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return judge.judge(started, wall);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    @FunctionalInterface
    interface Judge {
        RunReport judge(List<Started> started, Duration wall) throws InterruptedException, WorkerFailedException;
    }

    static List<String> results(List<Started> started) {
        return started.stream().map(Started::lastLine).toList();
    }

    /** The judgement every right answer makes: one line per failed worker, saying what went wrong. */
    static final class Correct {
        static RunReport judge(List<Started> started, Duration wall) throws InterruptedException, WorkerFailedException {
            List<String> problems = new ArrayList<>();
            for (Started s : started) {
                String problem = problem(s.worker(), s.exit(), s.lastLine(), s.lastErrorLine());
                if (problem != null) {
                    problems.add(problem);
                }
            }
            if (!problems.isEmpty()) {
                throw new WorkerFailedException(problems);
            }
            return new RunReport(wall, results(started));
        }

        static String problem(Worker worker, int exit, String result, String lastErrorLine) {
            if (exit != 0) {
                return worker.name() + ": exit status " + exit + ", error output ends \"" + lastErrorLine + "\"";
            }
            if (!result.equals(worker.expectedResult())) {
                return worker.name() + ": printed \"" + result + "\", expected \"" + worker.expectedResult() + "\"";
            }
            return null;
        }
    }

    // ---- wrong: what is checked ----

    /** The article's mistake: the clock is read, nothing else. */
    static final class WallClockOnly implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> new RunReport(wall, results(started)));
        }
    }

    /** Checks the exit status, trusts the output. */
    static final class ExitStatusOnly implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    if (s.exit() != 0) {
                        problems.add(s.worker().name() + ": exit status " + s.exit() + ": " + s.lastErrorLine());
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Checks the output, ignores the exit status. */
    static final class ResultOnly implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    if (!s.lastLine().equals(s.worker().expectedResult())) {
                        problems.add(s.worker().name() + ": printed " + s.lastLine());
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Refuses only when every worker failed: "most of them worked". */
    static final class RefusesOnlyIfAllFailed implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    String problem = Correct.problem(s.worker(), s.exit(), s.lastLine(), s.lastErrorLine());
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                if (problems.size() == started.size()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Names every worker in its failure, the good ones too. */
    static final class BlamesEveryone implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                boolean anyFailed = false;
                for (Started s : started) {
                    anyFailed |= s.exit() != 0 || !s.lastLine().equals(s.worker().expectedResult());
                }
                if (anyFailed) {
                    throw new WorkerFailedException(started.stream().map(s -> s.worker().name() + ": part of a failed run").toList());
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Throws at the first failed worker it finds: the others are never named. */
    static final class StopsAtTheFirstFailure implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                for (Started s : started) {
                    String problem = Correct.problem(s.worker(), s.exit(), s.lastLine(), s.lastErrorLine());
                    if (problem != null) {
                        throw new WorkerFailedException(List.of(problem));
                    }
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Any output on the error stream counts as a failure, even with status 0 and the right result. */
    static final class ErrorOutputIsAFailure implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    String problem = Correct.problem(s.worker(), s.exit(), s.lastLine(), s.lastErrorLine());
                    if (problem == null && !s.errors().resultNow().isBlank()) {
                        problem = s.worker().name() + ": wrote on its error stream: " + s.lastErrorLine();
                    }
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Takes status 1 (the usual crash) for the only failure: status 42 passes. */
    static final class OnlyStatusOneIsAFailure implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    if (s.exit() == 1) {
                        problems.add(s.worker().name() + ": exit status 1, error output ends " + s.lastErrorLine());
                    } else if (!s.lastLine().equals(s.worker().expectedResult())) {
                        problems.add(s.worker().name() + ": printed " + s.lastLine());
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    // ---- wrong: where the result is read ----

    /** The first line of the output taken for the result. */
    static final class FirstLineAsResult implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> results = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    String first = s.output().resultNow().lines().findFirst().orElse("").strip();
                    results.add(first);
                    String problem = Correct.problem(s.worker(), s.exit(), first, s.lastErrorLine());
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results);
            });
        }
    }

    /** A worker passes if the expected result is on any line of its output. */
    static final class ResultOnAnyLine implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    boolean found = s.output().resultNow().lines().anyMatch(l -> l.strip().equals(s.worker().expectedResult()));
                    if (s.exit() != 0) {
                        problems.add(Correct.problem(s.worker(), s.exit(), s.lastLine(), s.lastErrorLine()));
                    } else if (!found) {
                        problems.add(s.worker().name() + ": printed " + s.lastLine());
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** The last piece of {@code split("\n")}, not stripped: "1229\r" (Windows) and a blank last line fail. */
    static final class LastPieceOfSplit implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return judgedOnResults(workers, output -> {
                String[] lines = output.split("\n");
                return lines[lines.length - 1];
            });
        }
    }

    /** The last line even if it is blank: a worker that ends with an empty line printed "". */
    static final class LastLineEvenIfBlank implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return judgedOnResults(workers, output -> {
                List<String> lines = output.lines().toList();
                return lines.isEmpty() ? "" : lines.getLast().strip();
            });
        }
    }

    /** Reads stdout and stderr through one pipe (redirectErrorStream): a warning after the result becomes the result. */
    static final class MergedStreams implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Started> started = new ArrayList<>();
                for (Worker worker : workers) {
                    Process process = new ProcessBuilder(worker.command()).redirectErrorStream(true).start();
                    Future<String> merged = readers.submit(() -> text(process.getInputStream()));
                    started.add(new Started(worker, process, merged, merged));
                }
                for (Started s : started) {
                    s.exit();
                    s.output().get();
                }
                return Correct.judge(started, Duration.ofNanos(System.nanoTime() - start));
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Everything right, but the result is read by {@code lastLine}. */
    static RunReport judgedOnResults(List<Worker> workers, java.util.function.Function<String, String> lastLine)
            throws IOException, InterruptedException, WorkerFailedException {
        return startAllThenJudge(workers, (started, wall) -> {
            List<String> results = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Started s : started) {
                String result = lastLine.apply(s.output().resultNow());
                results.add(result);
                String problem = Correct.problem(s.worker(), s.exit(), result, s.lastErrorLine());
                if (problem != null) {
                    problems.add(problem);
                }
            }
            if (!problems.isEmpty()) {
                throw new WorkerFailedException(problems);
            }
            return new RunReport(wall, results);
        });
    }

    /** The last word of the output taken for the result (split on white space): a result of two words, "1229 primes", becomes "primes". */
    static final class LastWordAsResult implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return judgedOnResults(workers, output -> {
                String[] words = output.strip().split("\\s+");
                return words[words.length - 1];
            });
        }
    }

    /**
     * Reads standard output up to the first blank line ("the output ends at a blank line", as a
     * header does): a worker that prints a blank line and then its result is judged on what came
     * before (and one that writes more than a pipe holds after the blank line never exits).
     */
    static final class StopsReadingAtABlankLine implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Started> started = new ArrayList<>();
                for (Worker worker : workers) {
                    Process process = new ProcessBuilder(worker.command()).start();
                    started.add(new Started(worker, process, readers.submit(() -> upToABlankLine(process.getInputStream())),
                            readers.submit(() -> text(process.getErrorStream()))));
                }
                for (Started s : started) {
                    s.exit();
                    s.output().get();
                    s.errors().get();
                }
                return Correct.judge(started, Duration.ofNanos(System.nanoTime() - start));
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }

        private static String upToABlankLine(InputStream stream) throws IOException {
            StringBuilder text = new StringBuilder();
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && !line.isBlank(); line = reader.readLine()) {
                text.append(line).append('\n');
            }
            return text.toString();
        }
    }

    /** A worker passes if its last line contains its expected result: "4821348213", the number twice, passes for 48213. */
    static final class ResultContainedInTheLastLine implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return reportedAs(workers, (s, result) -> s.exit() != 0
                    ? Correct.problem(s.worker(), s.exit(), result, s.lastErrorLine())
                    : result.contains(s.worker().expectedResult()) ? null
                    : s.worker().name() + ": printed \"" + result + "\"");
        }
    }

    // ---- wrong: what is reported ----

    /** Names the failed worker and its exit status, but not what it said on its error stream. */
    static final class NoErrorOutputInTheLine implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return reportedAs(workers, (s, result) -> s.exit() != 0 ? s.worker().name() + ": exit status " + s.exit()
                    : result.equals(s.worker().expectedResult()) ? null : s.worker().name() + ": printed " + result);
        }
    }

    /**
     * The reason taken as the last piece of the error output's split("\n"): an error output that
     * ends with a blank line, or whose lines end with \r\n, gives an empty reason, or one with a \r.
     */
    static final class LastPieceOfTheErrorOutput implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return reportedAs(workers, (s, result) -> {
                String[] pieces = s.errors().resultNow().split("\n");
                return s.exit() != 0 ? s.worker().name() + ": exit status " + s.exit() + ", error output: "
                        + pieces[pieces.length - 1]
                        : result.equals(s.worker().expectedResult()) ? null : s.worker().name() + ": printed " + result;
            });
        }
    }

    /** Puts the whole error output in the line: megabytes, and many lines. */
    static final class WholeErrorOutputInTheLine implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return reportedAs(workers, (s, result) -> s.exit() != 0
                    ? s.worker().name() + ": exit status " + s.exit() + ": " + s.errors().resultNow().strip()
                    : result.equals(s.worker().expectedResult()) ? null : s.worker().name() + ": printed " + result);
        }
    }

    /** Says "failed" and no more: neither the status, nor the error, nor the wrong result. */
    static final class JustTheName implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return reportedAs(workers, (s, result) -> s.exit() != 0 || !result.equals(s.worker().expectedResult())
                    ? s.worker().name() + " failed" : null);
        }
    }

    /** Two lines for a worker with two things wrong (a crash: status 1 and no result). */
    static final class TwoLinesForOneWorker implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    if (s.exit() != 0) {
                        problems.add(s.worker().name() + ": exit status " + s.exit() + ", " + s.lastErrorLine());
                    }
                    if (!s.lastLine().equals(s.worker().expectedResult())) {
                        problems.add(s.worker().name() + ": printed \"" + s.lastLine() + "\"");
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** All the failures in one line. */
    static final class OneLineForAll implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, (started, wall) -> {
                List<String> problems = new ArrayList<>();
                for (Started s : started) {
                    String problem = Correct.problem(s.worker(), s.exit(), s.lastLine(), s.lastErrorLine());
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(List.of(String.join("; ", problems)));
                }
                return new RunReport(wall, results(started));
            });
        }
    }

    /** Throws the error output away (Redirect.DISCARD), so it cannot say what a failed worker said. */
    static final class DiscardsErrorOutput implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Started> started = new ArrayList<>();
                for (Worker worker : workers) {
                    Process process = new ProcessBuilder(worker.command())
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    started.add(new Started(worker, process, readers.submit(() -> text(process.getInputStream())),
                            CompletableFuture.completedFuture("")));
                }
                for (Started s : started) {
                    s.exit();
                    s.output().get();
                }
                return Correct.judge(started, Duration.ofNanos(System.nanoTime() - start));
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    @FunctionalInterface
    interface Line {
        /** The line about a worker, or null if it did its work. */
        String about(Started started, String result) throws InterruptedException;
    }

    static RunReport reportedAs(List<Worker> workers, Line line) throws IOException, InterruptedException,
            WorkerFailedException {
        return startAllThenJudge(workers, (started, wall) -> {
            List<String> problems = new ArrayList<>();
            for (Started s : started) {
                String problem = line.about(s, s.lastLine());
                if (problem != null) {
                    problems.add(problem);
                }
            }
            if (!problems.isEmpty()) {
                throw new WorkerFailedException(problems);
            }
            return new RunReport(wall, results(started));
        });
    }

    /** The last 300 characters of the error output, flattened to one line ("enough to say why"): it holds lines from before the last one. */
    static final class ErrorOutputTailInTheLine implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return reportedAs(workers, (s, result) -> {
                if (s.exit() != 0) {
                    String errors = s.errors().resultNow().strip();
                    String tail = errors.substring(Math.max(0, errors.length() - 300)).replace("\r", "")
                            .replace("\n", " | ");
                    return s.worker().name() + ": exit status " + s.exit() + ", error output: ..." + tail;
                }
                return result.equals(s.worker().expectedResult()) ? null : s.worker().name() + ": printed " + result;
            });
        }
    }

    // ---- wrong: how the processes are run and read ----

    /** Checks everything, but times only the starting of the processes. */
    static final class TimesOnlyTheStarts implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Started> started = new ArrayList<>();
                for (Worker worker : workers) {
                    started.add(start(worker, readers));
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                for (Started s : started) {
                    s.exit();
                    s.output().get();
                    s.errors().get();
                }
                return Correct.judge(started, wall);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Checks everything, but starts each worker only when the previous one has exited. */
    static final class OneAfterAnother implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Started> started = new ArrayList<>();
                for (Worker worker : workers) {
                    Started s = start(worker, readers);
                    s.exit();
                    s.output().get();
                    s.errors().get();
                    started.add(s);
                }
                return Correct.judge(started, Duration.ofNanos(System.nanoTime() - start));
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Waits for every exit (onExit futures), then reads the output: a worker that writes a lot never exits. */
    static final class ReadsAfterExit implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            long start = System.nanoTime();
            List<Process> processes = new ArrayList<>();
            for (Worker worker : workers) {
                processes.add(new ProcessBuilder(worker.command()).start());
            }
            CompletableFuture.allOf(processes.stream().map(Process::onExit).toArray(CompletableFuture[]::new)).join();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            List<Started> started = new ArrayList<>();
            for (int i = 0; i < workers.size(); i++) {
                Process process = processes.get(i);
                started.add(new Started(workers.get(i), process, CompletableFuture.completedFuture(
                        text(process.getInputStream())), CompletableFuture.completedFuture(text(process.getErrorStream()))));
            }
            return Correct.judge(started, wall);
        }
    }

    /** Reads standard output while the workers run, the error stream only after they exit. */
    static final class DrainsOnlyStandardOutput implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Process> processes = new ArrayList<>();
                List<Future<String>> outputs = new ArrayList<>();
                for (Worker worker : workers) {
                    Process process = new ProcessBuilder(worker.command()).start();
                    processes.add(process);
                    outputs.add(readers.submit(() -> text(process.getInputStream())));
                }
                for (Process process : processes) {
                    process.waitFor();
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                List<Started> started = new ArrayList<>();
                for (int i = 0; i < workers.size(); i++) {
                    outputs.get(i).get();
                    started.add(new Started(workers.get(i), processes.get(i), outputs.get(i),
                            CompletableFuture.completedFuture(text(processes.get(i).getErrorStream()))));
                }
                return Correct.judge(started, wall);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Starts all, then for each worker reads its output to the end, then its errors: a worker with a full error pipe never ends its output. */
    static final class ReadsOutputThenErrors implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            long start = System.nanoTime();
            List<Process> processes = new ArrayList<>();
            for (Worker worker : workers) {
                processes.add(new ProcessBuilder(worker.command()).start());
            }
            List<Started> started = new ArrayList<>();
            for (int i = 0; i < workers.size(); i++) {
                Process process = processes.get(i);
                String out = text(process.getInputStream());
                String err = text(process.getErrorStream());
                process.waitFor();
                started.add(new Started(workers.get(i), process, CompletableFuture.completedFuture(out),
                        CompletableFuture.completedFuture(err)));
            }
            return Correct.judge(started, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Collects the results as the workers exit: in the order they finished, not in worker order. */
    static final class ResultsInCompletionOrder implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<Started> started = new ArrayList<>();
                List<String> finished = Collections.synchronizedList(new ArrayList<>());
                List<CompletableFuture<?>> done = new ArrayList<>();
                for (Worker worker : workers) {
                    Started s = start(worker, readers);
                    started.add(s);
                    done.add(s.process().onExit().thenRun(() -> {
                        try {
                            s.output().get();
                            finished.add(s.lastLine());
                        } catch (InterruptedException | ExecutionException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
                for (Started s : started) {
                    s.errors().get();
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                Correct.judge(started, wall);
                return new RunReport(wall, finished);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Starts the clock inside the loop, when the first worker has started: with no workers it never starts. */
    static final class ClockStartedByTheFirstWorker implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = 0;
                List<Started> started = new ArrayList<>();
                for (Worker worker : workers) {
                    started.add(start(worker, readers));
                    if (started.size() == 1) {
                        start = System.nanoTime();
                    }
                }
                for (Started s : started) {
                    s.exit();
                    s.output().get();
                    s.errors().get();
                }
                return Correct.judge(started, Duration.ofNanos(System.nanoTime() - start));
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    // ---- right ----

    /** Pipes read by virtual threads; every exit status and result checked. */
    static final class PipesReadByVirtualThreads implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, Correct::judge);
        }
    }

    /** Both streams redirected to files; onExit futures joined with allOf; the files read after. */
    static final class FilesAndOnExit implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            Path dir = Files.createTempDirectory("runner-");
            try {
                long start = System.nanoTime();
                List<Process> processes = new ArrayList<>();
                for (int i = 0; i < workers.size(); i++) {
                    processes.add(new ProcessBuilder(workers.get(i).command())
                            .redirectOutput(ProcessBuilder.Redirect.to(dir.resolve(i + ".out").toFile()))
                            .redirectError(ProcessBuilder.Redirect.to(dir.resolve(i + ".err").toFile())).start());
                }
                CompletableFuture.allOf(processes.stream().map(Process::onExit).toArray(CompletableFuture[]::new)).join();
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                List<Started> started = new ArrayList<>();
                for (int i = 0; i < workers.size(); i++) {
                    started.add(new Started(workers.get(i), processes.get(i),
                            CompletableFuture.completedFuture(Files.readString(dir.resolve(i + ".out"))),
                            CompletableFuture.completedFuture(Files.readString(dir.resolve(i + ".err")))));
                }
                return Correct.judge(started, wall);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    /** Platform threads read each stream line by line and keep only its last non-blank line. */
    static final class LastLinesKeptByPlatformThreads implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            ExecutorService readers = Executors.newCachedThreadPool();
            try {
                long start = System.nanoTime();
                List<Process> processes = new ArrayList<>();
                List<Future<String>> lastOut = new ArrayList<>();
                List<Future<String>> lastErr = new ArrayList<>();
                for (Worker worker : workers) {
                    Process process = new ProcessBuilder(worker.command()).start();
                    processes.add(process);
                    lastOut.add(readers.submit(() -> lastLineRead(process.getInputStream())));
                    lastErr.add(readers.submit(() -> lastLineRead(process.getErrorStream())));
                }
                List<String> results = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                List<Integer> exits = new ArrayList<>();
                for (Process process : processes) {
                    exits.add(process.waitFor());
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                for (int i = 0; i < workers.size(); i++) {
                    String result = lastOut.get(i).get();
                    results.add(result);
                    String problem = Correct.problem(workers.get(i), exits.get(i), result, lastErr.get(i).get());
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            } finally {
                readers.shutdown();
            }
        }

        private static String lastLineRead(InputStream stream) throws IOException {
            String last = "";
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        last = line.strip();
                    }
                }
            }
            return last;
        }
    }

    /** Keeps only the last non-blank line of each stream (Scanner), read by CompletableFutures on a cached pool; exits joined through onExit. */
    static final class LastLinesByCompletableFutures implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            ExecutorService pool = Executors.newCachedThreadPool();
            try {
                long start = System.nanoTime();
                List<Process> processes = new ArrayList<>();
                List<CompletableFuture<String>> outs = new ArrayList<>();
                List<CompletableFuture<String>> errs = new ArrayList<>();
                for (Worker worker : workers) {
                    Process process = new ProcessBuilder(worker.command()).start();
                    processes.add(process);
                    outs.add(CompletableFuture.supplyAsync(() -> lastLineScanned(process.getInputStream()), pool));
                    errs.add(CompletableFuture.supplyAsync(() -> lastLineScanned(process.getErrorStream()), pool));
                }
                CompletableFuture.allOf(processes.stream().map(Process::onExit).toArray(CompletableFuture[]::new)).join();
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                List<String> results = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < workers.size(); i++) {
                    String result = outs.get(i).join();
                    results.add(result);
                    String problem = Correct.problem(workers.get(i), processes.get(i).exitValue(), result,
                            errs.get(i).join());
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results);
            } finally {
                pool.shutdown();
            }
        }

        private static String lastLineScanned(InputStream stream) {
            String last = "";
            try (java.util.Scanner lines = new java.util.Scanner(stream, StandardCharsets.UTF_8)) {
                while (lines.hasNextLine()) {
                    String line = lines.nextLine();
                    if (!line.isBlank()) {
                        last = line.strip();
                    }
                }
            }
            return last;
        }
    }
}
