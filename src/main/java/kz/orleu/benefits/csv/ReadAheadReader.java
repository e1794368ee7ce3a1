package kz.orleu.benefits.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a file's records and turns each into an item ({@code parse}: a pure function, e.g. a row's validation)
 * on a thread of its own, ahead of the step: while a chunk is written (the database stores it), the next one is
 * already being read.
 *
 * <p>It hands the step a batch of rows at a time, one list per {@link #read()}, not a row: the chunk-oriented
 * step spends about as long on each item it reads and processes (a Micrometer observation with its scope, a
 * flight-recorder event, listeners) as this thread spends parsing and checking a row, so row by row the step's
 * thread was as busy as the reading one. A batch saves the position after its last record, so that a chunk's
 * commit saves exactly where the records handed to the step end, not where reading ahead got to: a restart
 * resumes as the plain {@link CsvRecordReader} would.
 */
public final class ReadAheadReader<T> implements ItemStreamReader<List<T>> {

    /** Rows held ready beyond the batch being written: a few chunks' worth, far below any heap concern. */
    private static final int ROWS_AHEAD = 40_000;

    private record Batch<T>(List<T> items, CsvRecordReader.Position after) {
    }

    /** What the reading thread hands over: batches, then an end or the failure that stopped it. */
    private sealed interface Handover {
    }

    private record Items<T>(Batch<T> batch) implements Handover {
    }

    private record End() implements Handover {
    }

    private record Failure(RuntimeException cause) implements Handover {
    }

    private final CsvRecordReader file;
    private final Function<CsvRecord, T> parse;
    private final int batchRows;
    private final BlockingQueue<Handover> ready;
    private Thread reading;
    private volatile boolean closing;
    private boolean ended;
    private CsvRecordReader.Position position;

    /** {@code batchRows}: the rows of one batch handed to the step, the last batch of the file fewer. */
    public ReadAheadReader(CsvRecordReader file, Function<CsvRecord, T> parse, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("a batch holds at least one row, not " + batchRows);
        }
        this.file = file;
        this.parse = parse;
        this.batchRows = batchRows;
        this.ready = new ArrayBlockingQueue<>(Math.max(2, ROWS_AHEAD / batchRows));
    }

    @Override
    public void open(ExecutionContext context) {
        file.open(context);
        position = file.position();
        reading = new Thread(this::readAhead, "read-ahead-" + Thread.currentThread().getName());
        reading.setDaemon(true);
        reading.start();
    }

    private void readAhead() {
        try {
            while (!closing) {
                List<T> items = new ArrayList<>(batchRows);
                CsvRecord record = null;
                while (items.size() < batchRows && (record = file.read()) != null) {
                    items.add(parse.apply(record));
                }
                if (!items.isEmpty()) {
                    hand(new Items<>(new Batch<>(items, file.position())));
                }
                if (record == null) {
                    hand(new End());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                hand(new Failure(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hand(Handover handover) throws InterruptedException {
        while (!closing && !ready.offer(handover, 100, TimeUnit.MILLISECONDS)) {
            // the step is busy writing; wait for room, or for close
        }
    }

    /** The next batch of rows in file order, or null after the last. */
    @Override
    @SuppressWarnings("unchecked")
    public List<T> read() throws InterruptedException {
        if (ended) {
            return null;
        }
        Handover handover = ready.take();
        if (handover instanceof Failure failure) {
            ended = true;
            throw failure.cause();
        }
        if (handover instanceof Items<?> items) {
            Batch<T> batch = (Batch<T>) items.batch();
            position = batch.after();
            return batch.items();
        }
        ended = true;
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        file.save(position, context);
    }

    @Override
    public void close() {
        closing = true;
        if (reading != null) {
            reading.interrupt();
            try {
                reading.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while stopping the reading of " + file, e);
            }
        }
        file.close();
    }
}
