package kz.orleu.benefits.declaration;

import kz.orleu.benefits.csv.UnusableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kz.orleu.benefits.csv.CsvHeader;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.csv.CsvSource;
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
        for (InputFile file : InputFile.values()) {
            checkFile(inputFolder.resolve(file.fileName()), file.columnNames());
        }
        for (ReferenceFile file : ReferenceFile.values()) {
            Path override = inputFolder.resolve(file.fileName());
            if (Files.exists(override)) {
                checkFile(override, Set.copyOf(file.columns()));
            }
        }
        ReferenceData reference = ReferenceData.load(inputFolder);
        reference.ruleSetFor(benefitQuarter);
        checkSubsistenceMinimum(inputFolder, reference, benefitQuarter.previous());
        return reference;
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
        CsvSource source = CsvSource.of(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 20);
        CharBuffer chars = CharBuffer.allocate(1 << 20);
        long consumed = 0;
        try (InputStream in = source.open(0)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    return consumed + (bytes.position() - before);
                }
                consumed += bytes.position() - before;
                chars.clear();
                bytes.compact();
            }
            chars.clear();
            ByteBuffer empty = ByteBuffer.allocate(0);
            CoderResult tail = decoder.decode(empty, chars, true);
            if (tail.isError()) {
                return consumed;
            }
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + file + ": " + e.getMessage());
        }
        return -1;
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
