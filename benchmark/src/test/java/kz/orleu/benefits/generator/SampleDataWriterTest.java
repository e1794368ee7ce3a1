package kz.orleu.benefits.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataWriterTest {

    @TempDir
    Path tmp;

    /** sample-data/ must be what the writer produces now: regenerate it after changing the generator. */
    @Test
    void committedSampleDataIsWhatTheWriterProduces() throws IOException {
        Path committed = Path.of("sample-data");
        assumeTrue(Files.isDirectory(committed), "run from the project directory");
        new SampleDataWriter().write(tmp);
        List<Path> files;
        try (Stream<Path> s = Files.walk(tmp)) {
            files = s.filter(Files::isRegularFile).map(tmp::relativize).sorted().toList();
        }
        assertEquals(15, files.size(), files.toString()); // 2 x 7 CSV files and the README
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(f)), Files.readAllBytes(committed.resolve(f)),
                    f + " differs: regenerate sample-data with SampleDataWriter");
        }
    }

    @Test
    void sampleHasTheScriptedOutcomesAndBadRows() throws IOException {
        new SampleDataWriter().write(tmp);
        for (String q : List.of("2016Q1", "2016Q2")) {
            List<Map<String, String>> families = CsvFiles.rows(tmp.resolve(q).resolve("families.csv"));
            assertEquals(200, families.size());
            long invalid = CsvFiles.rows(tmp.resolve(q).resolve("members.csv")).stream()
                    .filter(m -> !Iin.isValid(m.get("iin"))).count();
            assertEquals(q.equals("2016Q1") ? 1 : 0, invalid, "only the deliberately bad IIN is invalid");
        }
        String readme = Files.readString(tmp.resolve("README.md"));
        for (String decision : List.of("| ASP ", "ASP_CONTRACT_DECLINED ", "ASP_CONTRACT_TERMINATED ", "| CCA ",
            "CCA_LUMP_SUM ", "CCA_CANDIDATE", "ABOVE_LINE", "NO_DECLARATION", "INCOMPLETE_DATA", "WARNING",
            "TERMINATED (NOT_MET JOB_SEARCH)", "no entitlement row")) {
            assertTrue(readme.contains(decision), decision);
        }
        assertEquals(8, readme.lines().filter(l -> l.matches("\\| 2016Q[12] \\| `[a-z]+\\.csv` \\| \\d+ .*")).count());
    }
}
