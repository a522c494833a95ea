package ca.scalloy.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import ca.scalloy.engine.Message;

/**
 * One Scalloy at a time opens, creates, upgrades, rolls back, restores or closes an embedded database:
 * an operating-system lock on {@code <name>.open.lock} beside the data file (held only for those
 * moments, not while the database is in use), and a lock per path inside this process. The system
 * drops the lock of a process that dies, so a lock that can be taken means that no Scalloy is half-way
 * through any of these; a file left by an earlier step (an upgrade's copy) then means the step was
 * interrupted. The lock file is empty and stays (deleting it would let two processes lock two files).
 */
final class OpenLock implements AutoCloseable {

    /** The ending of the lock file's name after the database's. */
    static final String SUFFIX = ".open.lock";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private OpenLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits for the lock of the database at {@code base} (its path without H2's ending).
     *
     * @param patience how long to wait for another Scalloy to finish
     * @throws StoreException when it is still held after {@code patience}, or the lock file cannot be made
     */
    static OpenLock acquire(Path base, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(base, p -> new ReentrantLock());
        try {
            if (!local.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(base, patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(base, e);
        }
        if (local.getHoldCount() > 1) {
            return new OpenLock(local, null, null); // this thread holds it already (a restore that opens its check)
        }
        FileChannel channel = null;
        try {
            Path file = base.resolveSibling(base.getFileName() + SUFFIX);
            channel = openLockFile(file);
            while (true) {
                FileLock l;
                try {
                    l = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by another class loader's copy of this lock in this JVM: wait as for another process
                }
                if (l != null) {
                    return new OpenLock(local, channel, l);
                }
                if (System.nanoTime() > deadline) {
                    throw busy(base, patience);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw new StoreException(Message.of("store.open.cannotLock", "cannot lock the database " + base + " for opening (" + e.getMessage()
                    + "); check that its folder can be written", String.valueOf(base), Reasons.of(e)), e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw interrupted(base, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    private static FileChannel openLockFile(Path file) throws IOException {
        try {
            DurableFiles.createOwnerOnly(file);
        } catch (FileAlreadyExistsException e) {
            // made by an earlier open: it stays
        }
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    private static StoreException busy(Path base, Duration patience) {
        return new StoreException(Message.of("store.open.busy", "another Scalloy has been opening, upgrading or restoring the database " + base
                + " for over " + patience.toSeconds() + " s; try again when it has finished", String.valueOf(base), patience.toSeconds()));
    }

    private static StoreException interrupted(Path base, InterruptedException e) {
        return new StoreException(Message.of("store.open.interrupted", "interrupted while waiting to open the database " + base,
                String.valueOf(base)), e);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing the channel drops the lock anyway
            }
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below drops the lock too
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }
}
