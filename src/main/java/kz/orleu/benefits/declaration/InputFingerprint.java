package kz.orleu.benefits.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.orleu.benefits.reference.ReferenceFile;

/**
 * Size and SHA-256 of one file a run reads from its input folder, or its absence (a reference override added
 * later changes the run as much as an edited row). A restart resumes each step by counting lines, so it must
 * read exactly the bytes the run started with.
 */
public record InputFingerprint(String fileName, Long size, String sha256) {

    public boolean present() {
        return size != null;
    }

    /** The six input files and the four reference overrides, present or not, in a stable order. */
    public static List<InputFingerprint> of(Path inputFolder) {
        Ahead ahead = AHEAD.remove(key(inputFolder));
        if (ahead != null) {
            Optional<List<InputFingerprint>> computed = ahead.resultIfUnchanged(inputFolder);
            if (computed.isPresent()) {
                return computed.get();
            }
        }
        return compute(inputFolder);
    }

    /**
     * Starts fingerprinting {@code inputFolder} on a thread of its own, for the run about to start on it: hashing a
     * gigabyte of input takes about a second, which the machine's other core can spend while Spring and the
     * database start. {@link #of} takes the result only if no file of the folder changed its size, modification
     * time or identity since it was started, and fingerprints the folder again otherwise.
     */
    public static void computeAhead(Path inputFolder) {
        Ahead ahead = new Ahead(stamps(inputFolder), new FutureTask<>(() -> compute(inputFolder)));
        AHEAD.put(key(inputFolder), ahead);
        Thread thread = new Thread(ahead.prints(), "input-fingerprints");
        thread.setDaemon(true);
        thread.start();
    }

    private static final Map<Path, Ahead> AHEAD = new ConcurrentHashMap<>();

    private record Ahead(List<String> before, FutureTask<List<InputFingerprint>> prints) {

        Optional<List<InputFingerprint>> resultIfUnchanged(Path inputFolder) {
            try {
                List<InputFingerprint> computed = prints.get();
                return before.equals(stamps(inputFolder)) ? Optional.of(computed) : Optional.empty();
            } catch (ExecutionException e) {
                return Optional.empty(); // fingerprinted again, so that the failure is reported where it happens
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fingerprinting " + inputFolder, e);
            }
        }
    }

    private static Path key(Path inputFolder) {
        return inputFolder.toAbsolutePath().normalize();
    }

    /** Size, modification time and file key of every file fingerprinted, or its absence. */
    private static List<String> stamps(Path inputFolder) {
        List<String> stamps = new ArrayList<>();
        for (String name : fileNames()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(inputFolder.resolve(name),
                        BasicFileAttributes.class);
                stamps.add(name + " " + attributes.size() + " " + attributes.lastModifiedTime().toInstant() + " "
                        + attributes.fileKey() + " " + attributes.isRegularFile());
            } catch (IOException e) {
                stamps.add(name + " absent");
            }
        }
        return stamps;
    }

    private static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            names.add(file.fileName());
        }
        for (ReferenceFile file : ReferenceFile.values()) {
            names.add(file.fileName());
        }
        return names;
    }

    /** The files hashed two at a time: members.csv and incomes.csv, each about half of a quarter's bytes. */
    private static List<InputFingerprint> compute(Path inputFolder) {
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "input-fingerprint");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<InputFingerprint>> hashing = new ArrayList<>();
            for (String name : fileNames()) {
                hashing.add(threads.submit(() -> of(inputFolder, name)));
            }
            List<InputFingerprint> prints = new ArrayList<>();
            for (Future<InputFingerprint> print : hashing) {
                prints.add(print.get());
            }
            return prints;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("cannot fingerprint " + inputFolder, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fingerprinting " + inputFolder, e);
        } finally {
            threads.shutdownNow();
        }
    }

    static InputFingerprint of(Path inputFolder, String fileName) {
        Path file = inputFolder.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return new InputFingerprint(fileName, null, null);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new InputFingerprint(fileName, size,
                    HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to fingerprint it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first file whose fingerprint differs between the recorded and the current ones, described for the
     * operator ("members.csv was 1,234 bytes and is now 1,240 bytes"), or empty when the folder is unchanged.
     */
    public static Optional<String> firstChange(List<InputFingerprint> recorded, List<InputFingerprint> current) {
        Map<String, InputFingerprint> now = current.stream()
                .collect(Collectors.toMap(InputFingerprint::fileName, Function.identity()));
        for (InputFingerprint before : recorded) {
            InputFingerprint after = now.getOrDefault(before.fileName(),
                    new InputFingerprint(before.fileName(), null, null));
            if (!before.equals(after)) {
                return Optional.of(describe(before, after));
            }
        }
        return Optional.empty();
    }

    private static String describe(InputFingerprint before, InputFingerprint after) {
        String name = before.fileName();
        if (!before.present()) {
            return name + " was added to the input folder";
        }
        if (!after.present()) {
            return name + " was removed from the input folder";
        }
        if (!Objects.equals(before.size(), after.size())) {
            return name + " was " + before.size() + " bytes and is now " + after.size() + " bytes";
        }
        return name + " has the same size but other content (SHA-256 differs)";
    }
}
