package kz.orleu.benefits.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ReadAheadReaderTest {

    @TempDir
    Path folder;

    /**
     * The thread reads thousands of records ahead; what a chunk's commit saves must still be the position after
     * the last record handed to the step, or a restart would skip the records read ahead but never written.
     */
    @Test
    void savesThePositionAfterTheLastBatchHandedOverNotAfterTheReadAhead() throws Exception {
        Path file = rows(5_000);
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new CsvRecordReader(CsvSource.of(file)),
                CsvRecord::line, 10);
        reader.open(new ExecutionContext());
        assertThat(reader.read()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        Thread.sleep(200);
        ExecutionContext saved = new ExecutionContext();
        reader.update(saved);
        reader.close();

        CsvRecordReader restarted = new CsvRecordReader(CsvSource.of(file));
        restarted.open(saved);
        assertThat(restarted.read().line()).isEqualTo(12);
        restarted.close();
    }

    @Test
    void handsOverEveryRecordInOrderInFullBatchesThenTheRestThenTheEnd() throws Exception {
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new CsvRecordReader(CsvSource.of(rows(2_345))),
                CsvRecord::line, 1_000);
        reader.open(new ExecutionContext());
        long expected = 2;
        List<Integer> sizes = new ArrayList<>();
        for (List<Long> batch = reader.read(); batch != null; batch = reader.read()) {
            sizes.add(batch.size());
            for (Long line : batch) {
                assertThat(line).isEqualTo(expected++);
            }
        }
        assertThat(expected).isEqualTo(2_347);
        assertThat(sizes).containsExactly(1_000, 1_000, 345);
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void aFailureWhileReadingAheadFailsTheReadThatReachesIt() throws Exception {
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new CsvRecordReader(CsvSource.of(rows(3))), record -> {
            if (record.line() == 3) {
                throw new IllegalStateException("bad record");
            }
            return record.line();
        }, 1);
        reader.open(new ExecutionContext());
        assertThat(reader.read()).containsExactly(2L);
        assertThatThrownBy(reader::read).hasMessage("bad record");
        reader.close();
    }

    private Path rows(int count) throws IOException {
        StringBuilder text = new StringBuilder("family_id,amount\n");
        for (int i = 0; i < count; i++) {
            text.append("F").append(i).append(',').append(i).append('\n');
        }
        return Files.writeString(folder.resolve("incomes.csv"), text);
    }
}
