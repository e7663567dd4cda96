package dev.retort.rec.runner;

import java.util.Map;

/**
 * What a runner says about itself in its {@code hello} line (docs/runner-protocol.md).
 *
 * @param algorithms algorithm name → parameter name → declaration ({@code type}, {@code default}, optional
 *                   {@code min}, {@code max}, {@code allowed})
 * @param reuse      whether one process may serve several trials
 */
public record RunnerHello(int protocol, String frameworkName, String frameworkVersion,
                          Map<String, Map<String, Map<String, Object>>> algorithms, boolean reuse) {
    /** {@code name/version}, part of a runner trial's identity. */
    public String framework() {
        return frameworkName + "/" + frameworkVersion;
    }
}
