package dev.retort.space;

/** Text as written (YAML, a form): error messages print it without the quotes they put around string values. */
record Verbatim(String text) {
    @Override
    public String toString() {
        return text;
    }
}
