package dev.retort.manifest;

import dev.retort.RetortException;

/** The manifest could not be captured or written (a file vanished, the disk is full, ...). */
public final class ManifestException extends RetortException {
    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
