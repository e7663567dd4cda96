package dev.retort.manifest;

import dev.retort.engine.Hosts;
import dev.retort.objective.SecretEnv;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The JVM, OS, CPU and host a run ran on, and the {@code RETORT_*} variables of its environment. */
final class HostInfo {
    private HostInfo() {
    }

    static Map<String, Object> host() {
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("version", System.getProperty("java.version"));
        java.put("runtime", System.getProperty("java.runtime.version"));
        java.put("vm", System.getProperty("java.vm.name"));
        java.put("home", System.getProperty("java.home"));
        java.put("flags", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .map(a -> a.startsWith("-D") && SecretEnv.isSecret(a.split("=", 2)[0]) ? a.split("=", 2)[0] + "=" + SecretEnv.REDACTED : a).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", java);
        m.put("os", Map.of("name", System.getProperty("os.name"), "version", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch")));
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("model", cpuModel());
        cpu.put("count", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpu);
        m.put("name", Hosts.name());
        return m;
    }

    /** {@code RETORT_*} variables, secret-looking names redacted; nothing else of the environment. */
    static Map<String, Object> retortEnv(Map<String, String> env) {
        Map<String, Object> m = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("RETORT_")) m.put(k, SecretEnv.isSecret(k) ? SecretEnv.REDACTED : v);
        });
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo")))
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getenv().getOrDefault("PROCESSOR_IDENTIFIER", null);
    }
}
