package kz.orleu.benefits.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.orleu.benefits.csv.CsvSource;

/**
 * The reference files shipped with the application. A file of the same name in the input folder replaces the
 * shipped one whole for that run (no merging).
 */
public enum ReferenceFile {

    REGIONS("regions.csv", "ref_region", List.of("region_code", "name_kk", "name_ru", "name_en", "pilot_since")),
    SUBSISTENCE_MINIMUM("subsistence-minimum.csv", "ref_subsistence_minimum",
            List.of("region_code", "quarter", "amount")),
    INCOME_TYPES("income-types.csv", "ref_income_type", List.of("income_type", "counted", "valid_from")),
    RULES("rules.csv", "ref_rule", List.of("parameter", "value", "valid_from"));

    private final String fileName;
    private final String table;
    private final List<String> columns;

    ReferenceFile(String fileName, String table, List<String> columns) {
        this.fileName = fileName;
        this.table = table;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** The input folder's copy when there is one, else the shipped default. */
    public CsvSource source(Path inputFolder) {
        Path override = inputFolder.resolve(fileName);
        return Files.isRegularFile(override) ? CsvSource.of(override) : CsvSource.classpath("reference/" + fileName);
    }

    /** The step that loads this file; a stable restart key in the job repository. */
    public String stepName() {
        return switch (this) {
            case REGIONS -> "loadRegions";
            case SUBSISTENCE_MINIMUM -> "loadSubsistenceMinimum";
            case INCOME_TYPES -> "loadIncomeTypes";
            case RULES -> "loadRules";
        };
    }
}
