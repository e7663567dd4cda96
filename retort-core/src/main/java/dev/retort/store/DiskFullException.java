package dev.retort.store;

/**
 * The file system under the store (or under the experiment's artifacts) has no space left. The write that
 * failed was rolled back: every trial already DONE stays DONE. Free space and run the same command to resume.
 */
public final class DiskFullException extends StoreException {
    private final String location;

    public DiskFullException(String location, String what, Throwable cause) {
        super("no space left on " + location + " while " + what + "; every trial already DONE is kept;"
                + " free some space and run the same command to resume", cause);
        this.location = location;
    }

    /** Below this many usable bytes a file system counts as full (an I/O error there is taken for ENOSPC). */
    public static final long NEARLY_FULL_BYTES = 1L << 20;

    /** True when the file system holding {@code dir} has less than {@link #NEARLY_FULL_BYTES} usable. */
    public static boolean nearlyFull(java.nio.file.Path dir) {
        try {
            return java.nio.file.Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** True when {@code e} or one of its causes is the operating system's "no space left on device" (ENOSPC). */
    public static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t instanceof java.nio.file.FileSystemException f ? f.getReason() : t.getMessage();
            if (t instanceof java.io.IOException && m != null && m.contains("No space left on device")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The directory (or server) that has no space left. */
    public String location() {
        return location;
    }
}
