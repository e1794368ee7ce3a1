package kz.orleu.benefits.declaration;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The six files of an income-quarter folder, with the columns of {@code contracts.md} and the staging table each
 * one lands in. A staging row keeps the text of its key columns even when the row is rejected, so that
 * duplicates are judged on every row that names a key, whatever else is wrong with it.
 */
public enum InputFile {

    FAMILIES("families.csv", "stg_family", "family_id",
            col("family_id"), col("region_code"), col("district"), col("settlement"), typed("declared_on")),
    MEMBERS("members.csv", "stg_member", "family_id",
            col("family_id"), col("iin"), col("last_name"), col("first_name"), typed("birth_date"), col("relation"),
            typed("disability_group"), typed("pensioner"), typed("student"), typed("carer"), typed("employed"),
            typed("joined_on"), typed("left_on")),
    INCOMES("incomes.csv", "stg_income", "family_id",
            col("family_id"), col("iin"), col("month"), col("income_type"), typed("amount")),
    CONTRACTS("contracts.csv", "stg_contract", "family_id",
            col("contract_id"), col("family_id"), typed("signed_on"), typed("start_date"), typed("end_date"),
            col("payment_mode"), col("status")),
    OBLIGATIONS("obligations.csv", "stg_obligation", "contract_id",
            col("contract_id"), col("iin"), col("obligation")),
    MONITORING("monitoring.csv", "stg_monitoring", "contract_id",
            col("contract_id"), col("iin"), col("month"), col("obligation"), col("outcome"),
            col("spending_purpose"));

    /** A column of the file; text columns are staged as written, typed ones only once parsed. */
    public record Column(String name, boolean text) {
    }

    private final String fileName;
    private final String stagingTable;
    private final String ownerColumn;
    private final List<Column> columns;

    InputFile(String fileName, String stagingTable, String ownerColumn, Column... columns) {
        this.fileName = fileName;
        this.stagingTable = stagingTable;
        this.ownerColumn = ownerColumn;
        this.columns = List.of(columns);
    }

    private static Column col(String name) {
        return new Column(name, true);
    }

    private static Column typed(String name) {
        return new Column(name, false);
    }

    public String fileName() {
        return fileName;
    }

    public String stagingTable() {
        return stagingTable;
    }

    /** The column naming the family (or the contract) a rejected row of this file belongs to. */
    public String ownerColumn() {
        return ownerColumn;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * The columns whose values make a row's key: a later row (accepted or not) with the same values, none of them
     * null, is a DUPLICATE_KEY. The {@code repeated} part of {@code declaration/cross-file/<file>.sql} groups by
     * the same columns ({@code DuplicateKeyScreenTest} checks that the two agree).
     */
    public List<String> keyColumns() {
        return switch (this) {
            case FAMILIES -> List.of("family_id");
            case MEMBERS -> List.of("iin");
            case INCOMES -> List.of("family_id", "iin", "month", "income_type");
            case CONTRACTS -> List.of("contract_id");
            case OBLIGATIONS -> List.of("contract_id", "iin", "obligation");
            case MONITORING -> List.of("contract_id", "iin", "month", "obligation");
        };
    }

    public Set<String> columnNames() {
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    /** The step that loads this file; a stable restart key in the job repository. */
    public String stepName() {
        String base = fileName.substring(0, fileName.indexOf('.'));
        return "ingest" + Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    public static InputFile byFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an input file: " + name));
    }
}
