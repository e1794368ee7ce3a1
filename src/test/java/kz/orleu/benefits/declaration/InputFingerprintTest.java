package kz.orleu.benefits.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {

    @TempDir
    Path folder;

    @Test
    void fingerprintsComputedAheadAreTheFolder() throws IOException {
        Files.writeString(folder.resolve("families.csv"), "family_id,region_code\nF1,11\n");
        Files.writeString(folder.resolve("members.csv"), "family_id,iin\n");

        InputFingerprint.computeAhead(folder);
        List<InputFingerprint> ahead = InputFingerprint.of(folder);

        assertEquals(InputFingerprint.of(folder), ahead);
        InputFingerprint families = ahead.stream().filter(p -> p.fileName().equals("families.csv")).findFirst()
                .orElseThrow();
        assertEquals(28L, families.size());
        assertNull(ahead.stream().filter(p -> p.fileName().equals("incomes.csv")).findFirst().orElseThrow().size());
    }

    @Test
    void aFileChangedAfterTheStartIsFingerprintedAgain() throws IOException {
        Path families = folder.resolve("families.csv");
        Files.writeString(families, "family_id,region_code\nF1,11\n");
        List<InputFingerprint> before = InputFingerprint.of(folder);

        InputFingerprint.computeAhead(folder);
        Files.writeString(families, "family_id,region_code\nF1,31\nF2,11\n");
        Files.writeString(folder.resolve("contracts.csv"), "contract_id\n");
        List<InputFingerprint> now = InputFingerprint.of(folder);

        assertTrue(InputFingerprint.firstChange(before, now).isPresent());
        assertEquals(InputFingerprint.of(folder), now);
    }

    @Test
    void aResultIsTakenOnce() throws IOException {
        Files.writeString(folder.resolve("families.csv"), "family_id,region_code\n");
        InputFingerprint.computeAhead(folder);
        List<InputFingerprint> first = InputFingerprint.of(folder);
        Files.writeString(folder.resolve("families.csv"), "family_id,region_code\nF9,11\n");

        assertFalse(InputFingerprint.firstChange(first, InputFingerprint.of(folder)).isEmpty());
    }
}
