package kz.orleu.benefits.store.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The OS lock on {@code <home>/benefits.lock} that makes one process the owner of a home; the file
 * holds the owner's pid for the error message other processes give. The kernel releases the lock
 * when the owner dies, however it dies, so a lock can never go stale.
 *
 * <p>These are POSIX record locks: closing <em>any</em> descriptor of the file in the owning process
 * drops the lock. {@link EmbeddedPostgresServer} therefore never opens the file of a home this JVM
 * already owns.
 */
final class HomeLock {

    static final String FILE_NAME = "benefits.lock";

    private final FileChannel channel;

    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link HomeInUseException}; writes this process's pid into the file. */
    static HomeLock acquire(Path home) throws IOException {
        FileChannel channel = FileChannel.open(home.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException ex) {
                lock = null;
            }
            if (lock == null) {
                OptionalLong owner = readPid(channel);
                channel.close();
                throw new HomeInUseException(home, owner, false);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new HomeLock(channel, lock);
        }
        catch (IOException | RuntimeException ex) {
            if (channel.isOpen()) {
                channel.close();
            }
            throw ex;
        }
    }

    /** Another live process holds the lock; its pid as written into the file, when readable. */
    record Holder(OptionalLong pid) {
    }

    /**
     * Who holds the lock of a home this JVM does not own: empty if no live process does. Takes a
     * shared lock for an instant when free, so it needs only read access to the file.
     */
    static Optional<Holder> holder(Path home) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(home.resolve(FILE_NAME), StandardOpenOption.READ);
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        try (channel) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(new Holder(readPid(channel)));
        }
    }

    private static OptionalLong readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        return OsProcesses.parsePid(text).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    void release() {
        try {
            if (this.lock.isValid()) {
                this.lock.release();
            }
            this.channel.close();
        }
        catch (IOException ex) {
            // closing the channel is what matters, and the JVM's exit releases the lock anyway
        }
    }

}
