package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.csv.UnusableInputException;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The four reference files of a run, read whole (they are small) and checked before anything is written. */
public record ReferenceData(
        Map<String, Region> regions,
        Map<String, BigDecimal> subsistenceMinimumByRegionQuarter,
        List<RuleSet.Rule> rules,
        List<RuleSet.IncomeType> incomeTypes) {

    public record Region(String code, String nameKk, String nameRu, String nameEn, LocalDate pilotSince) {
    }

    public static ReferenceData load(Path inputFolder) {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (Object[] v : rows(inputFolder, ReferenceFile.REGIONS)) {
            regions.put((String) v[0], new Region((String) v[0], (String) v[1], (String) v[2], (String) v[3],
                    (LocalDate) v[4]));
        }
        Map<String, BigDecimal> minimum = new HashMap<>();
        for (Object[] v : rows(inputFolder, ReferenceFile.SUBSISTENCE_MINIMUM)) {
            minimum.put(v[0] + "/" + v[1], (BigDecimal) v[2]);
        }
        List<RuleSet.Rule> rules = new ArrayList<>();
        for (Object[] v : rows(inputFolder, ReferenceFile.RULES)) {
            rules.add(new RuleSet.Rule((String) v[0], (String) v[1], (LocalDate) v[2]));
        }
        List<RuleSet.IncomeType> types = new ArrayList<>();
        for (Object[] v : rows(inputFolder, ReferenceFile.INCOME_TYPES)) {
            types.add(new RuleSet.IncomeType((String) v[0], (Boolean) v[1], (LocalDate) v[2]));
        }
        return new ReferenceData(regions, minimum, rules, types);
    }

    public RuleSet ruleSetFor(Quarter benefitQuarter) {
        try {
            return RuleSet.resolve(rules, incomeTypes, benefitQuarter.firstDay());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UnusableInputException(e.getMessage());
        }
    }

    public BigDecimal subsistenceMinimum(String regionCode, Quarter quarter) {
        return subsistenceMinimumByRegionQuarter.get(regionCode + "/" + quarter);
    }

    /** The parsed rows of the file, each checked alone and then the file as a whole ({@link ReferenceFileCheck}). */
    private static List<Object[]> rows(Path inputFolder, ReferenceFile file) {
        List<ReferenceFileCheck.LinedRow> rows = linedRows(inputFolder, file);
        ReferenceFileCheck.check(file, rows);
        return rows.stream().map(ReferenceFileCheck.LinedRow::values).toList();
    }

    private static List<ReferenceFileCheck.LinedRow> linedRows(Path inputFolder, ReferenceFile file) {
        CsvRecordReader reader = new CsvRecordReader(file.source(inputFolder));
        try {
            reader.open(new ExecutionContext());
            List<String> missing = reader.header().missing(new java.util.HashSet<>(file.columns()));
            if (!missing.isEmpty()) {
                throw new UnusableInputException(file.fileName() + ": the header lacks the column(s) "
                        + String.join(", ", missing));
            }
            List<ReferenceFileCheck.LinedRow> rows = new ArrayList<>();
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                rows.add(new ReferenceFileCheck.LinedRow(record.line(), ReferenceRows.parse(file, record)));
            }
            return rows;
        } catch (org.springframework.batch.infrastructure.item.ItemStreamException e) {
            throw new UnusableInputException(e.getMessage());
        } finally {
            reader.close();
        }
    }
}
