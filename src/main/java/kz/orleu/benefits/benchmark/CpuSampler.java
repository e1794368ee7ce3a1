package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a run's time goes: every 200 ms, the CPU time used so far by this JVM and by the benchmark's own embedded
 * PostgreSQL (its postmaster, found by {@code postmaster.pid} in the data folder, and the postmaster's children:
 * Linux {@code /proc}), so that a step's wall time splits into JVM CPU, database CPU and waiting. Other processes
 * of the machine are not counted; on a system without {@code /proc} the database's share reads 0.
 */
final class CpuSampler implements AutoCloseable {

    /** Cumulative CPU seconds at one instant. */
    record Sample(Instant at, double jvmSeconds, double databaseSeconds) {
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path dataDirectory;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.thread = new Thread(this::loop, "cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            samples.add(new Sample(Instant.now(), jvmCpuSeconds(), databaseCpuSeconds()));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Sample> samples() {
        return new ArrayList<>(samples);
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
                Math.max(0, last.databaseSeconds() - first.databaseSeconds()));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    private static double jvmCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
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
