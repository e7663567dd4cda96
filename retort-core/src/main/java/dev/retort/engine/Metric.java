package dev.retort.engine;

/** The result entry that ranks trials, and its direction. */
public record Metric(String name, Goal goal) {
    public static Metric minimize(String name) {
        return new Metric(name, Goal.MINIMIZE);
    }

    public static Metric maximize(String name) {
        return new Metric(name, Goal.MAXIMIZE);
    }
}
