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
 * already being read. Each item travels with the position after its record, so that a chunk's commit saves
 * exactly where the records handed to the step end, not where reading ahead got to: a restart resumes as the
 * plain {@link CsvRecordReader} would.
 */
public final class ReadAheadReader<T> implements ItemStreamReader<T> {

    /** Records handed over at a time, and batches held ready: a few chunks' worth, far below any heap concern. */
    private static final int BATCH = 1_000;
    private static final int BATCHES_AHEAD = 32;

    private record Read<T>(T item, CsvRecordReader.Position after) {
    }

    /** What the reading thread hands over: records, then an end or the failure that stopped it. */
    private sealed interface Handover {
    }

    private record Items<T>(List<Read<T>> reads) implements Handover {
    }

    private record End() implements Handover {
    }

    private record Failure(RuntimeException cause) implements Handover {
    }

    private final CsvRecordReader file;
    private final Function<CsvRecord, T> parse;
    private final BlockingQueue<Handover> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private Thread reading;
    private volatile boolean closing;
    private List<Read<T>> current = List.of();
    private int next;
    private boolean ended;
    private CsvRecordReader.Position position;

    public ReadAheadReader(CsvRecordReader file, Function<CsvRecord, T> parse) {
        this.file = file;
        this.parse = parse;
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
                List<Read<T>> reads = new ArrayList<>(BATCH);
                CsvRecord record = null;
                while (reads.size() < BATCH && (record = file.read()) != null) {
                    reads.add(new Read<>(parse.apply(record), file.position()));
                }
                if (!reads.isEmpty()) {
                    hand(new Items<>(reads));
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

    @Override
    @SuppressWarnings("unchecked")
    public T read() throws InterruptedException {
        while (next == current.size()) {
            if (ended) {
                return null;
            }
            Handover handover = ready.take();
            if (handover instanceof Failure failure) {
                ended = true;
                throw failure.cause();
            }
            if (handover instanceof Items<?> items) {
                current = (List<Read<T>>) (List<?>) items.reads();
                next = 0;
            } else {
                ended = true;
            }
        }
        Read<T> read = current.get(next++);
        position = read.after();
        return read.item();
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
