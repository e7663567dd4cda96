package dev.retort.rec.split;

/**
 * Row counts of one split and what the unseen policy removed.
 *
 * @param unseenTestDropped       test rows removed because their user or item has no train row
 * @param unseenValidationDropped validation rows removed for the same reason
 * @param notInDataset            rows of predefined split files whose user or item is not in the dataset
 *                                (always 0 for computed splits)
 */
public record SplitReport(String name, int trainRows, int testRows, int validationRows,
                          int unseenTestDropped, int unseenValidationDropped, int notInDataset) {
}
