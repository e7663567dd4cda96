package dev.retort.rec.data.registry;

import dev.retort.PlanException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code http(s):} through {@link HttpClient} (redirects followed), {@code file:} as a plain file read. */
final class HttpFetcher {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    InputStream open(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        switch (scheme) {
            case "file":
                return Files.newInputStream(Path.of(url));
            case "http":
            case "https":
                HttpRequest request = HttpRequest.newBuilder(url).GET().build();
                HttpResponse<InputStream> response;
                try {
                    response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("HTTP status " + response.statusCode());
                }
                return response.body();
            default:
                throw PlanException.at(null, "url", url.toString(), "has an unsupported scheme", "http, https, file");
        }
    }
}
