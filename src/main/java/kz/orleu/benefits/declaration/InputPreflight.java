package kz.orleu.benefits.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.orleu.benefits.csv.CsvHeader;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.csv.CsvSource;
import kz.orleu.benefits.csv.UnusableInputException;
import kz.orleu.benefits.csv.Utf8Check;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.ReferenceData;
import kz.orleu.benefits.reference.ReferenceFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Checks an income-quarter folder as a whole before the job writes anything: every file present, readable,
 * UTF-8, with the columns of {@code contracts.md} in its header; reference data usable; a subsistence minimum for
 * every region that has families. Any failure is an {@link UnusableInputException} (exit status 2).
 */
public final class InputPreflight {

    private InputPreflight() {
    }

    public static ReferenceData check(Path inputFolder, Quarter benefitQuarter) {
        if (!Files.isDirectory(inputFolder)) {
            throw new UnusableInputException("input folder " + inputFolder + " does not exist or is not a folder");
        }
        Map<Path, Set<String>> files = new LinkedHashMap<>();
        for (InputFile file : InputFile.values()) {
            files.put(inputFolder.resolve(file.fileName()), file.columnNames());
        }
        for (ReferenceFile file : ReferenceFile.values()) {
            Path override = inputFolder.resolve(file.fileName());
            if (Files.exists(override)) {
                files.put(override, Set.copyOf(file.columns()));
            }
        }
        return checkAll(files, () -> {
            ReferenceData reference = ReferenceData.load(inputFolder);
            reference.ruleSetFor(benefitQuarter);
            checkSubsistenceMinimum(inputFolder, reference, benefitQuarter.previous());
            return reference;
        });
    }

    /**
     * Checks the files two at a time, and reads the reference data and the families' regions beside them (reading
     * a gigabyte of input to check its UTF-8 is most of the check's time). The first problem in the order of
     * {@code files} is reported, whichever thread found it first, and a problem of {@code reference} only when
     * every file is sound: it may have stumbled on a file that the file checks reject.
     */
    private static ReferenceData checkAll(Map<Path, Set<String>> files, Callable<ReferenceData> reference) {
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "input-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> checks = new ArrayList<>();
            files.forEach((file, required) -> checks.add(threads.submit(() -> checkFile(file, required))));
            Future<ReferenceData> referenceCheck = threads.submit(reference);
            checks.add(referenceCheck);
            ReferenceData data = null;
            for (Future<?> check : checks) {
                try {
                    Object value = check.get();
                    if (check == referenceCheck) {
                        data = (ReferenceData) value;
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException problem) {
                        throw problem;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnusableInputException("interrupted while checking the input folder");
                }
            }
            return data;
        } finally {
            threads.shutdownNow();
        }
    }

    static void checkFile(Path file, Set<String> required) {
        if (!Files.exists(file)) {
            throw new UnusableInputException(file.getFileName() + " is missing from the input folder "
                    + file.getParent());
        }
        if (!Files.isRegularFile(file)) {
            throw new UnusableInputException(file + " is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new UnusableInputException(file + " is not readable (check its permissions)");
        }
        long badOffset = firstNonUtf8Byte(file);
        if (badOffset >= 0) {
            throw new UnusableInputException(file.getFileName() + " is not UTF-8: invalid byte sequence at byte offset "
                    + badOffset);
        }
        String firstLine = firstLine(file);
        if (firstLine == null || firstLine.isBlank()) {
            throw new UnusableInputException(file.getFileName() + " is empty: it has no header line");
        }
        CsvHeader header = CsvHeader.parse(firstLine);
        List<String> missing = header.missing(required);
        if (!missing.isEmpty()) {
            throw new UnusableInputException(file.getFileName() + ": the header lacks the required column(s) "
                    + String.join(", ", missing));
        }
        List<String> duplicated = header.duplicated().stream().filter(required::contains).toList();
        if (!duplicated.isEmpty()) {
            throw new UnusableInputException(file.getFileName() + ": the header names the column(s) "
                    + String.join(", ", duplicated) + " more than once");
        }
    }

    /** The byte offset of the first byte that is not valid UTF-8, or -1. */
    static long firstNonUtf8Byte(Path file) {
        try (InputStream in = CsvSource.of(file).open(0)) {
            return Utf8Check.firstInvalidByte(in);
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String firstLine(Path file) {
        try {
            return CsvRecordReader.headerLine(CsvSource.of(file));
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void checkSubsistenceMinimum(Path inputFolder, ReferenceData reference, Quarter incomeQuarter) {
        Set<String> missing = new TreeSet<>();
        CsvRecordReader reader = new CsvRecordReader(CsvSource.of(inputFolder.resolve(InputFile.FAMILIES.fileName())));
        reader.open(new ExecutionContext());
        try {
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                if (record instanceof CsvRecord.Row row) {
                    String region = row.get("region_code");
                    if (region != null && reference.regions().containsKey(region)
                            && reference.subsistenceMinimum(region, incomeQuarter) == null) {
                        missing.add(region);
                    }
                }
            }
        } finally {
            reader.close();
        }
        if (!missing.isEmpty()) {
            throw new UnusableInputException("subsistence-minimum.csv has no value for income quarter " + incomeQuarter
                    + " for region(s) " + String.join(", ", missing) + " that have families");
        }
    }
}
