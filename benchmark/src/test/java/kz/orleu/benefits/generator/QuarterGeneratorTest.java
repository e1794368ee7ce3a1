package kz.orleu.benefits.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarterGeneratorTest {

    /** The headers of contracts.md, written out here rather than taken from the generator. */
    static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("families.csv", "family_id,region_code,district,settlement,declared_on");
        HEADERS.put("members.csv", "family_id,iin,last_name,first_name,birth_date,relation,disability_group,"
                + "pensioner,student,carer,employed,joined_on,left_on");
        HEADERS.put("incomes.csv", "family_id,iin,month,income_type,amount");
        HEADERS.put("contracts.csv", "contract_id,family_id,signed_on,start_date,end_date,payment_mode,status");
        HEADERS.put("obligations.csv", "contract_id,iin,obligation");
        HEADERS.put("monitoring.csv", "contract_id,iin,month,obligation,outcome,spending_purpose");
        HEADERS.put("subsistence-minimum.csv", "region_code,quarter,amount");
    }

    static final Set<String> INCOME_TYPES = Set.of("WAGE", "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING", "PENSION",
            "DISABILITY_BENEFIT", "UNEMPLOYMENT_BENEFIT", "ALIMONY", "SCHOLARSHIP", "CHILD_BENEFIT", "HOUSING_AID", "ASP",
            "CCA", "ONE_OFF", "OTHER");
    static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");

    @TempDir
    static Path tmp;

    static Path clean;
    static GenerationReport cleanReport;

    @BeforeAll
    static void generateOnce() {
        clean = tmp.resolve("clean");
        cleanReport = QuarterGenerator.generate(GeneratorOptions.of(2_000, "2016Q1", 42, clean));
    }

    @Test
    void sameSeedGivesIdenticalBytes() throws IOException {
        Path again = tmp.resolve("again");
        QuarterGenerator.generate(GeneratorOptions.of(2_000, "2016Q1", 42, again));
        for (String file : HEADERS.keySet()) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
        }
        Path other = tmp.resolve("other-seed");
        QuarterGenerator.generate(GeneratorOptions.of(2_000, "2016Q1", 43, other));
        assertFalse(Arrays.equals(Files.readAllBytes(clean.resolve("members.csv")),
                Files.readAllBytes(other.resolve("members.csv"))));
    }

    @Test
    void headersAreExactlyThoseOfTheContract() throws IOException {
        for (Map.Entry<String, String> e : HEADERS.entrySet()) {
            byte[] bytes = Files.readAllBytes(clean.resolve(e.getKey()));
            assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, "no byte-order mark in " + e.getKey());
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertEquals(e.getValue(), text.substring(0, text.indexOf('\n')), e.getKey());
            assertFalse(text.contains("\r"), "LF line ends in " + e.getKey());
        }
    }

    @Test
    void everyIinHasAValidCheckDigitAndMatchesTheBirthDate() throws IOException {
        List<Map<String, String>> members = CsvFiles.rows(clean.resolve("members.csv"));
        assertTrue(members.size() > 2_000 * 4);
        for (Map<String, String> m : members) {
            String iin = m.get("iin");
            assertTrue(Iin.isValid(iin), iin);
            LocalDate birth = LocalDate.parse(m.get("birth_date"));
            assertEquals(birth, Iin.birthDate(iin), iin);
            int c = iin.charAt(6) - '0';
            assertTrue(c == Iin.centuryDigit(birth.getYear(), true) || c == Iin.centuryDigit(birth.getYear(), false),
                    iin);
        }
    }

    @Test
    void keysAreUniqueAndEveryRowRefersToSomethingThatExists() throws IOException {
        QuarterMonths q = QuarterMonths.parse("2016Q1");
        Set<String> months = Set.of("2016-01", "2016-02", "2016-03");
        Set<Integer> regions = Set.of(11, 31, 63);

        Map<String, String> familyRegion = new HashMap<>();
        for (Map<String, String> f : CsvFiles.rows(clean.resolve("families.csv"))) {
            assertTrue(familyRegion.put(f.get("family_id"), f.get("region_code")) == null,
                    "duplicate family " + f.get("family_id"));
            assertTrue(f.get("family_id").matches("F\\d{7}"), f.get("family_id"));
            assertTrue(regions.contains(Integer.parseInt(f.get("region_code"))));
            assertTrue(Set.of("URBAN", "RURAL").contains(f.get("settlement")));
            assertFalse(f.get("district").isBlank());
        }
        assertEquals(2_000, familyRegion.size());

        Map<String, String> memberFamily = new HashMap<>();
        Map<String, Integer> familySize = new HashMap<>();
        for (Map<String, String> m : CsvFiles.rows(clean.resolve("members.csv"))) {
            assertTrue(familyRegion.containsKey(m.get("family_id")));
            assertTrue(memberFamily.put(m.get("iin"), m.get("family_id")) == null, "duplicate IIN " + m.get("iin"));
            familySize.merge(m.get("family_id"), 1, Integer::sum);
            assertTrue(Set.of("HEAD", "SPOUSE", "CHILD", "PARENT", "OTHER").contains(m.get("relation")));
            assertTrue(Set.of("", "1", "2", "3").contains(m.get("disability_group")));
            for (String flag : List.of("pensioner", "student", "carer", "employed")) {
                assertTrue(Set.of("true", "false").contains(m.get(flag)));
            }
            LocalDate joined = LocalDate.parse(m.get("joined_on"));
            assertFalse(joined.isBefore(LocalDate.parse(m.get("birth_date"))));
            if (!m.get("left_on").isEmpty()) {
                assertFalse(LocalDate.parse(m.get("left_on")).isBefore(joined));
            }
        }
        assertEquals(2_000, familySize.size(), "every family has members");
        assertTrue(familySize.values().stream().allMatch(n -> n >= 1 && n <= 9));
        double meanSize = familySize.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertTrue(meanSize > 4.0 && meanSize < 5.0, "mean family size " + meanSize);

        Set<String> incomeKeys = new HashSet<>();
        Set<String> withIncome = new HashSet<>();
        List<Map<String, String>> incomes = CsvFiles.rows(clean.resolve("incomes.csv"));
        for (Map<String, String> r : incomes) {
            assertEquals(r.get("family_id"), memberFamily.get(r.get("iin")), "income of a member of that family");
            assertTrue(months.contains(r.get("month")), r.get("month"));
            assertTrue(INCOME_TYPES.contains(r.get("income_type")), r.get("income_type"));
            assertTrue(AMOUNT.matcher(r.get("amount")).matches(), r.get("amount"));
            assertTrue(incomeKeys.add(r.get("family_id") + r.get("iin") + r.get("month") + r.get("income_type")),
                    "duplicate income " + r);
            withIncome.add(r.get("family_id"));
        }
        double perFamily = incomes.size() / 2_000.0;
        assertTrue(perFamily > 8 && perFamily < 12, "income rows per family " + perFamily);
        assertTrue(withIncome.size() < 2_000, "some families have no income at all");

        Map<String, String> contractFamily = new HashMap<>();
        Map<String, Map<String, String>> contracts = new HashMap<>();
        for (Map<String, String> c : CsvFiles.rows(clean.resolve("contracts.csv"))) {
            assertTrue(contractFamily.put(c.get("contract_id"), c.get("family_id")) == null, "duplicate contract");
            contracts.put(c.get("contract_id"), c);
            assertTrue(familyRegion.containsKey(c.get("family_id")));
            assertTrue(Set.of("MONTHLY", "LUMP_SUM").contains(c.get("payment_mode")));
            assertTrue(Set.of("ACTIVE", "COMPLETED", "TERMINATED", "DECLINED").contains(c.get("status")));
            if (c.get("status").equals("DECLINED")) {
                assertEquals("", c.get("start_date"));
            } else {
                LocalDate start = LocalDate.parse(c.get("start_date"));
                LocalDate end = LocalDate.parse(c.get("end_date"));
                assertEquals(1, start.getDayOfMonth());
                assertEquals(end.lengthOfMonth(), end.getDayOfMonth());
                assertFalse(end.isBefore(start));
                assertTrue(start.plusMonths(6).isAfter(end), "at most 6 months");
                assertFalse(LocalDate.parse(c.get("signed_on")).isAfter(start));
            }
        }
        double share = contractFamily.size() / 2_000.0;
        assertTrue(share > 0.06 && share < 0.15, "share of families with a contract " + share);
        assertEquals(contractFamily.size(), new HashSet<>(contractFamily.values()).size(), "one contract a family");

        Set<String> plan = new HashSet<>();
        for (Map<String, String> o : CsvFiles.rows(clean.resolve("obligations.csv"))) {
            String family = contractFamily.get(o.get("contract_id"));
            assertNotNull(family, "obligation of an unknown contract");
            assertEquals(family, memberFamily.get(o.get("iin")), "obligation of a member of the contract's family");
            assertTrue(plan.add(o.get("contract_id") + "/" + o.get("iin") + "/" + o.get("obligation")));
            assertFalse(contracts.get(o.get("contract_id")).get("status").equals("DECLINED"));
        }
        assertFalse(plan.isEmpty());

        Set<String> monitoringKeys = new HashSet<>();
        for (Map<String, String> r : CsvFiles.rows(clean.resolve("monitoring.csv"))) {
            Map<String, String> c = contracts.get(r.get("contract_id"));
            assertNotNull(c, "monitoring of an unknown contract");
            assertTrue(plan.contains(r.get("contract_id") + "/" + r.get("iin") + "/" + r.get("obligation")),
                    "monitoring of an obligation in the plan");
            assertTrue(months.contains(r.get("month")));
            String month = r.get("month");
            assertTrue(month.compareTo(c.get("start_date").substring(0, 7)) >= 0
                    && month.compareTo(c.get("end_date").substring(0, 7)) <= 0, "month in force");
            assertTrue(Set.of("MET", "NOT_MET", "EXCUSED").contains(r.get("outcome")));
            if (!r.get("obligation").equals("SPENDING_REPORT")) {
                assertEquals("", r.get("spending_purpose"));
            }
            assertTrue(monitoringKeys.add(r.get("contract_id") + r.get("iin") + month + r.get("obligation")));
        }

        List<Map<String, String>> sm = CsvFiles.rows(clean.resolve("subsistence-minimum.csv"));
        assertEquals(3, sm.size());
        for (Map<String, String> r : sm) {
            assertEquals(q.toString(), r.get("quarter"));
            assertTrue(r.get("amount").matches("\\d+\\.\\d{2}"));
        }
        assertEquals(2_000, cleanReport.families());
        assertTrue(cleanReport.badRows().isEmpty());
    }

    @Test
    void namesWithCommasAndQuotesAreQuoted() throws IOException {
        String text = Files.readString(clean.resolve("members.csv"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"\""), "some names contain double quotes");
        assertTrue(CsvFiles.rows(clean.resolve("members.csv")).stream()
                .anyMatch(m -> m.get("last_name").contains(",") || m.get("first_name").contains(",")));
        assertEquals("\"Олег \"\"Алик\"\"\"", Csv.quote("Олег \"Алик\""));
        assertEquals("\"Ахметов, мл.\"", Csv.quote("Ахметов, мл."));
        assertEquals("Жұмабаев", Csv.quote("Жұмабаев"));
    }

    @Test
    void badRowsAreSpreadOverTheFilesAndSitWhereReported() throws IOException {
        Path dir = tmp.resolve("bad");
        GenerationReport report = QuarterGenerator.generate(GeneratorOptions.of(600, "2016Q3", 5, dir).withBadRows(12));
        assertEquals(12, report.badRows().size());
        Set<BadRowKind> kinds = EnumSet.noneOf(BadRowKind.class);
        Set<String> files = new HashSet<>();
        for (BadRow b : report.badRows()) {
            kinds.add(b.kind());
            files.add(b.file());
            List<String> lines = Files.readAllLines(dir.resolve(b.file()), StandardCharsets.UTF_8);
            String line = lines.get((int) b.line() - 1);
            assertTrue(line.startsWith(b.kind() == BadRowKind.MISALIGNED_CONTRACT_START ? "C" : b.familyId())
                    && line.contains(b.familyId()), line);
            switch (b.kind()) {
                case BAD_IIN_CHECK_DIGIT -> assertFalse(Iin.isValid(CsvFiles.fields(line).get(1)));
                case AMOUNT_WITH_COMMA -> assertTrue(CsvFiles.fields(line).get(4).contains(","));
                case DUPLICATE_INCOME -> assertEquals(lines.get((int) b.line() - 2), line);
                case UNKNOWN_REGION -> assertEquals("99", CsvFiles.fields(line).get(1));
                case MISALIGNED_CONTRACT_START -> assertTrue(CsvFiles.fields(line).get(3).endsWith("-15"));
                case UNKNOWN_INCOME_TYPE -> assertEquals("BONUS", CsvFiles.fields(line).get(3));
                default -> throw new AssertionError(b);
            }
        }
        assertEquals(EnumSet.copyOf(Arrays.asList(BadRowKind.INJECTED)), kinds);
        assertEquals(Set.of("members.csv", "incomes.csv", "families.csv", "contracts.csv"), files);
    }

    @Test
    void familyIdsGrowWithN() {
        assertEquals("F0000001", HouseholdFactory.id('F', 1, 7));
        assertEquals("C0000123", HouseholdFactory.id('C', 123, 7));
        assertEquals("F12345678", HouseholdFactory.id('F', 12_345_678, 8));
    }

    @Test
    void commandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, QuarterGenerator.run(new String[] {"--families", "10"}, o, e));
        assertEquals(2, QuarterGenerator.run(new String[] {"--families", "x", "--income-quarter", "2016Q1", "--seed",
            "1", "--output", tmp.resolve("x").toString()}, o, e));
        assertEquals(2, QuarterGenerator.run(new String[] {"--families", "10", "--income-quarter", "2016Q5", "--seed",
            "1", "--output", tmp.resolve("x").toString()}, o, e));
        assertEquals(0, QuarterGenerator.run(new String[] {"--families", "25", "--income-quarter", "2016Q2", "--seed",
            "1", "--output", tmp.resolve("cli").toString(), "--regions", "75,71", "--bad-rows", "2"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("deliberately bad rows: 2"));
        assertTrue(Files.exists(tmp.resolve("cli").resolve("monitoring.csv")));
    }
}
