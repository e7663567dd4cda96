package dev.retort.cli;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch/v1 Indexed Job whose pods each run one {@code retort worker} against the shared store, written with
 * SnakeYAML from maps in Kubernetes' usual key order. The password reaches the container only as a Secret reference.
 *
 * @param store      the store URL without a password
 * @param cpu        a CPU quantity (request and limit), or null; likewise memory
 * @param secret     the Secret holding the store password, or null for none; {@code secretKey} is its key
 */
record K8sJob(String experiment, String store, String retort, String image, int parallelism, int completions,
              String cpu, String memory, String secret, String secretKey) {
    static final String PASSWORD_ENV = "RETORT_STORE_PASSWORD";

    String render() {
        Map<String, Object> labels = map("app.kubernetes.io/name", "retort", "app.kubernetes.io/component", "worker",
                "retort.dev/experiment", labelValue(experiment));
        Map<String, Object> container = map("name", "worker", "image", image,
                "command", List.of(retort, "worker", "--store", store, "--experiment", experiment));
        if (secret != null)
            container.put("env", List.of(map("name", PASSWORD_ENV, "valueFrom", map("secretKeyRef", map("name", secret, "key", secretKey)))));
        Map<String, Object> amounts = new LinkedHashMap<>();
        if (cpu != null) amounts.put("cpu", cpu);
        if (memory != null) amounts.put("memory", memory);
        if (!amounts.isEmpty()) container.put("resources", map("requests", amounts, "limits", new LinkedHashMap<>(amounts)));
        Map<String, Object> job = map(
                "apiVersion", "batch/v1",
                "kind", "Job",
                "metadata", map("name", jobName(experiment), "labels", labels),
                "spec", map(
                        "completionMode", "Indexed",
                        "completions", completions,
                        "parallelism", parallelism,
                        "template", map(
                                "metadata", map("labels", new LinkedHashMap<>(labels)),
                                "spec", map("restartPolicy", "Never", "containers", List.of(container)))));
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        o.setWidth(1000);
        o.setSplitLines(false);
        String header = "# Written by 'retort launch k8s' for experiment " + experiment + ". Apply it with: kubectl apply -f FILE\n"
                + "# Each of the " + completions + " indexed pods (" + parallelism + " at a time) runs one 'retort worker' against the store;\n"
                + "# a worker exits 0 when no trial is left. Register the trials first (or meanwhile): retort run PLAN --store URL\n"
                + (secret != null ? "# The store password comes from Secret " + secret + " (key " + secretKey + "), never from this file.\n"
                : "# No password is given to the workers (no --secret): the store must accept them without one.\n");
        return header + new Yaml(o).dump(job);
    }

    /** A DNS-1123 label (lowercase letters, digits, '-'), short enough that pod host names {@code NAME-INDEX} stay under 63. */
    static String jobName(String experiment) {
        String s = ("retort-" + experiment.toLowerCase(java.util.Locale.ROOT)).replaceAll("[^a-z0-9-]", "-");
        if (s.length() > 52) s = s.substring(0, 52);
        return s.replaceAll("-+$", "");
    }

    /** A label value: at most 63 characters, beginning and ending with a letter or digit. */
    static String labelValue(String experiment) {
        String s = experiment.length() > 63 ? experiment.substring(0, 63) : experiment;
        return s.replaceAll("[^A-Za-z0-9]+$", "");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
