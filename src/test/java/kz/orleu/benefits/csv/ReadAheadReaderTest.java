package kz.orleu.benefits.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void savesThePositionAfterTheLastRecordHandedOverNotAfterTheReadAhead() throws Exception {
        Path file = rows(5_000);
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new CsvRecordReader(CsvSource.of(file)),
                CsvRecord::line);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 10; i++) {
            reader.read();
        }
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
    void handsOverEveryRecordInOrderThenTheEnd() throws Exception {
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new CsvRecordReader(CsvSource.of(rows(2_345))),
                CsvRecord::line);
        reader.open(new ExecutionContext());
        long expected = 2;
        for (Long line = reader.read(); line != null; line = reader.read()) {
            assertThat(line).isEqualTo(expected++);
        }
        assertThat(expected).isEqualTo(2_347);
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
        });
        reader.open(new ExecutionContext());
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
