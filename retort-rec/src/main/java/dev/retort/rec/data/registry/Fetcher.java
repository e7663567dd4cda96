package dev.retort.rec.data.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** Opens the bytes behind a URL. */
interface Fetcher {
    InputStream open(URI url) throws IOException;
}
