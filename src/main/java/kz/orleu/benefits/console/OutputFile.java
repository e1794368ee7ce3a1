package kz.orleu.benefits.console;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files of a quarter's output folder the console offers for download. Only the statistics workbook, which
 * holds aggregates with small cells suppressed, is for every signed-in user; the others name families.
 */
public enum OutputFile {
    STATISTICS("statistics.xlsx", false, "Statistics workbook (aggregates only)"),
    ENTITLEMENTS("entitlements.csv", true, "Entitlements: one row per family"),
    PAYMENTS("payments.csv", true, "Payments: one row per family and month"),
    ADJUSTMENTS("adjustments.csv", true, "Adjustments against the previous version"),
    COMPLIANCE("compliance.csv", true, "Compliance findings"),
    WORKLIST("worklist.csv", true, "Worklist for district social workers"),
    REJECTS("rejects.csv", true, "Rejected input rows"),
    WARNINGS("warnings.csv", true, "Warnings");

    private final String fileName;
    private final boolean namesFamilies;
    private final String title;

    OutputFile(String fileName, boolean namesFamilies, String title) {
        this.fileName = fileName;
        this.namesFamilies = namesFamilies;
        this.title = title;
    }

    public String fileName() {
        return fileName;
    }

    public boolean namesFamilies() {
        return namesFamilies;
    }

    public String title() {
        return title;
    }

    public static Optional<OutputFile> named(String fileName) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
    }
}
