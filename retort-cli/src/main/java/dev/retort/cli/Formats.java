package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.report.ResultTable;

import java.util.Locale;

final class Formats {
    private Formats() {
    }

    static ResultTable.Format parse(String s) {
        try {
            return ResultTable.Format.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlanException("--format: '" + s + "' is not a format; allowed: table, csv, json, markdown");
        }
    }
}
