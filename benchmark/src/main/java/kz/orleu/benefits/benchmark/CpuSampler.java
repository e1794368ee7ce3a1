package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a run's time goes: every 200 ms, the CPU time used so far by the job's JVM (a child process of the
 * benchmark) and by its embedded PostgreSQL (the postmaster, found by {@code postmaster.pid} in the data folder,
 * and the postmaster's children), read from Linux {@code /proc}, so that a step's wall time splits into JVM CPU,
 * database CPU and waiting. Other processes of the machine are not counted; on a system without {@code /proc}
 * both shares read 0.
 */
final class CpuSampler implements AutoCloseable {

    /** Cumulative CPU seconds at one instant. */
    record Sample(Instant at, double jvmSeconds, double databaseSeconds) {
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final long jvm;
    private final Path dataDirectory;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler(long jvm, Path dataDirectory) {
        this.jvm = jvm;
        this.dataDirectory = dataDirectory;
        this.thread = new Thread(this::loop, "cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Sample previous = new Sample(Instant.now(), 0, 0);
        while (running) {
            // CPU time only grows; a process that has exited reads 0 and keeps its last reading instead
            previous = new Sample(Instant.now(), Math.max(previous.jvmSeconds(), jvmCpuSeconds()),
                    Math.max(previous.databaseSeconds(), databaseCpuSeconds()));
            samples.add(previous);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU used between {@code from} and {@code to} (the nearest samples inside), or null with fewer than two. */
    Sample between(Instant from, Instant to) {
        Sample first = null;
        Sample last = null;
        for (Sample s : samples) {
            if (!s.at().isBefore(from) && !s.at().isAfter(to)) {
                first = first == null ? s : first;
                last = s;
            }
        }
        if (first == null || first == last) {
            return null;
        }
        return new Sample(first.at(), last.jvmSeconds() - first.jvmSeconds(),
                last.databaseSeconds() - first.databaseSeconds());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JVM's own threads: utime and stime of its stat, which leave its child processes out. */
    private double jvmCpuSeconds() {
        String[] stat = stat(Path.of("/proc", Long.toString(jvm)));
        return stat == null ? 0 : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS_PER_SECOND;
    }

    /** The postmaster's own and its exited children's CPU, plus every live child's (the backends). */
    private double databaseCpuSeconds() {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return 0;
            }
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    String[] stat = stat(proc);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                                + Long.parseLong(stat[14]);
                    } else if (Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
