package dev.retort.engine;

/** Whether a smaller or a larger metric is better. */
public enum Goal {
    MINIMIZE, MAXIMIZE;

    public boolean maximize() {
        return this == MAXIMIZE;
    }
}
