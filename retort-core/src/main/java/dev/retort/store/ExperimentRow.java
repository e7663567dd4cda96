package dev.retort.store;

/**
 * An experiment as stored: its name, the canonical plan description that defines its trials, and which
 * plan's configs are completely registered.
 */
public record ExperimentRow(long id, String name, String planJson, String planHash, String registeredHash,
                            String metricName, String metricGoal, String settingsJson, long createdAt) {
    public boolean isRegistered(String hash) {
        return hash.equals(registeredHash);
    }
}
