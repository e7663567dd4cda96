package dev.retort.rec.metric;

/** The value of one metric over the evaluated users (a mean; coverage and rating errors as defined). */
public record MetricValue(MetricSpec metric, double value) {
    @Override
    public String toString() {
        return metric + "=" + value;
    }
}
