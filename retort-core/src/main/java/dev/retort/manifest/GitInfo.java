package dev.retort.manifest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The git state of the plan's directory, read with the {@code git} program as a child process: commit, branch,
 * dirty flag, and when dirty the diff of tracked files, cut at {@link #DIFF_CAP} bytes. No git, or a plan
 * outside a work tree, gives {@code {"present": false}}.
 */
final class GitInfo {
    /** The most bytes of {@code git diff HEAD} kept in a manifest. */
    static final int DIFF_CAP = 256 * 1024;

    private GitInfo() {
    }

    static Map<String, Object> of(Path dir, java.util.function.UnaryOperator<String> redact) {
        Map<String, Object> m = new LinkedHashMap<>();
        String root = git(dir, "rev-parse", "--show-toplevel");
        if (root == null) {
            m.put("present", false);
            return m;
        }
        m.put("present", true);
        m.put("root", root.strip());
        String commit = git(dir, "rev-parse", "HEAD");
        m.put("commit", commit == null ? null : commit.strip());
        String branch = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
        m.put("branch", branch == null ? null : branch.strip());
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        boolean dirty = status != null && !status.isBlank();
        m.put("dirty", dirty);
        if (dirty) {
            String diff = git(dir, "diff", "HEAD");
            if (diff != null) {
                diff = redact.apply(diff);
                byte[] b = diff.getBytes(StandardCharsets.UTF_8);
                m.put("diff_bytes", b.length);
                m.put("diff_sha256", Canonical.sha256(b));
                m.put("diff_cap", DIFF_CAP);
                m.put("diff_truncated", b.length > DIFF_CAP);
                m.put("diff", b.length > DIFF_CAP ? new String(b, 0, DIFF_CAP, StandardCharsets.UTF_8) : diff);
            }
        }
        return m;
    }

    /** The output of {@code git -C dir args...}, or null when git is absent or fails. */
    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out.toString(StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null; // no git on this host
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
