package kz.orleu.benefits.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineCountEstimateTest {

    @TempDir
    Path folder;

    @Test
    void aFileWithinTheSampleIsCountedExactly() throws IOException {
        Path file = Files.writeString(folder.resolve("families.csv"), "family_id\nF1\nF2\n");

        // three line breaks, and whatever follows the last one
        assertThat(LineCountEstimate.of(file)).isEqualTo(4);
    }

    @Test
    void aLargerFileIsEstimatedFromItsStartWithinAPercent() throws IOException {
        StringBuilder text = new StringBuilder("family_id,iin,month,income_type,amount\n");
        for (int i = 0; i < 200_000; i++) {
            text.append("F%07d,800101310003,2016-0%d,WAGE,%d.00\n".formatted(i, i % 3 + 1, 10_000 + i % 90_000));
        }
        Path file = Files.writeString(folder.resolve("incomes.csv"), text);

        assertThat(LineCountEstimate.of(file)).isBetween(199_000L, 203_000L);
    }

    @Test
    void aMissingFileHasNoLines() {
        assertThat(LineCountEstimate.of(folder.resolve("absent.csv"))).isZero();
    }
}
