package course.cpuio.exercises;

import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.Worker;
import course.cpuio.WorkerFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Answers a learner might give to exercise cpuio.runner, right and wrong, for {@code RunnerCheckIT}. */
final class RunnerAnswers {

    private RunnerAnswers() {
    }

    /** A started worker: its process and the output read by a virtual thread so no pipe fills. */
    record Started(Worker worker, Process process, Future<String> output, Future<String> errors) {
        int exit() throws InterruptedException {
            return process.waitFor();
        }
        String lastLine() {
            List<String> lines = output.resultNow().strip().lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    static Started start(Worker worker, ExecutorService readers) throws IOException {
        Process process = new ProcessBuilder(worker.command()).start();
        Future<String> out = readers.submit(() -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Future<String> err = readers.submit(() -> new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return new Started(worker, process, out, err);
    }

    /** Starts all, waits for all; then {@code judge} decides. */
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
        } catch (java.util.concurrent.ExecutionException e) {
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

    // ---- wrong ----

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
                        problems.add(s.worker().name() + ": exit status " + s.exit());
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
                    if (s.exit() != 0 || !s.lastLine().equals(s.worker().expectedResult())) {
                        problems.add(s.worker().name() + ": failed");
                    }
                }
                if (problems.size() == started.size()) {
                    throw new WorkerFailedException(problems);
                }
                return new RunReport(wall, results(started));
            });
        }
    }

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
                }
                return Correct.judge(started, wall);
            } catch (java.util.concurrent.ExecutionException e) {
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
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
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

    // ---- right ----

    /** The judgement every right answer makes, shared by the answers here. */
    static final class Correct {
        static RunReport judge(List<Started> started, Duration wall) throws InterruptedException, WorkerFailedException {
            List<String> problems = new ArrayList<>();
            for (Started s : started) {
                int exit = s.exit();
                if (exit != 0) {
                    problems.add(s.worker().name() + ": exit status " + exit + ": " + s.errors().resultNow().strip());
                } else if (!s.lastLine().equals(s.worker().expectedResult())) {
                    problems.add(s.worker().name() + ": printed " + s.lastLine() + ", expected " + s.worker().expectedResult());
                }
            }
            if (!problems.isEmpty()) {
                throw new WorkerFailedException(problems);
            }
            return new RunReport(wall, results(started));
        }
    }

    /** Pipes read by virtual threads; every exit status and result checked. */
    static final class PipesReadByVirtualThreads implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            return startAllThenJudge(workers, Correct::judge);
        }
    }

    /** onExit() futures joined with allOf; output read after exit (the outputs are small). */
    static final class OnExitFutures implements ProcessRunner {
        public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
            long start = System.nanoTime();
            List<Process> processes = new ArrayList<>();
            for (Worker worker : workers) {
                processes.add(new ProcessBuilder(worker.command()).redirectErrorStream(true).start());
            }
            CompletableFuture.allOf(processes.stream().map(Process::onExit).toArray(CompletableFuture[]::new)).join();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            List<String> results = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < workers.size(); i++) {
                List<String> lines = processes.get(i).inputReader().lines().toList();
                String last = lines.isEmpty() ? "" : lines.getLast().strip();
                results.add(last);
                Worker worker = workers.get(i);
                if (processes.get(i).exitValue() != 0 || !last.equals(worker.expectedResult())) {
                    problems.add(worker.name() + ": exit " + processes.get(i).exitValue() + ", last line " + last);
                }
            }
            if (!problems.isEmpty()) {
                throw new WorkerFailedException(problems);
            }
            return new RunReport(wall, results);
        }
    }
}
