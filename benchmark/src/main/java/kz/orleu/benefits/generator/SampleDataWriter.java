package kz.orleu.benefits.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

import kz.orleu.benefits.generator.Household.Contract;
import kz.orleu.benefits.generator.Household.IncomeRow;
import kz.orleu.benefits.generator.Household.Member;
import kz.orleu.benefits.generator.Household.MonitoringRow;
import kz.orleu.benefits.generator.Household.Obligation;
import kz.orleu.benefits.generator.Household.Stream;

/**
 * Writes {@code sample-data/}: two consecutive income quarters (2016Q1 and 2016Q2) of about 200 families in the
 * three pilot regions, the same families in both, with a scripted family for each outcome of the rule book, a
 * handful of deliberately bad rows, and a README describing all of it. Deterministic: running it again rewrites
 * the same bytes.
 *
 * <pre>
 * ./mvnw -B -q -f benchmark/pom.xml -DskipTests package
 * java -cp benchmark/target/benefits-benchmark.jar kz.orleu.benefits.generator.SampleDataWriter sample-data
 * </pre>
 */
public final class SampleDataWriter {

    static final long SEED = 20_160_101L;
    static final int FAMILIES = 200;
    static final QuarterMonths Q1 = new QuarterMonths(2016, 1);
    static final QuarterMonths Q2 = new QuarterMonths(2016, 2);
    static final List<Integer> REGIONS = GeneratorOptions.PILOT_REGIONS;

    private final HouseholdFactory f;
    private final SplittableRandom rnd;
    private final List<Household> families = new ArrayList<>();
    /** Scripted families: id -> {case, what it shows}. */
    private final Map<String, String[]> cases = new LinkedHashMap<>();
    private final Map<String, Consumer<Household>> q2Before = new LinkedHashMap<>();
    private final Map<String, Consumer<Household>> q2After = new LinkedHashMap<>();

    SampleDataWriter() {
        rnd = new SplittableRandom(SEED);
        f = new HouseholdFactory(rnd, Q1, REGIONS.stream().mapToInt(Integer::intValue).toArray(), 7, SEED);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-data");
        new SampleDataWriter().write(out);
        System.out.println("wrote " + out.resolve(Q1.toString()) + ", " + out.resolve(Q2.toString()) + " and "
                + out.resolve("README.md"));
    }

    void write(Path out) throws IOException {
        // ---------------------------------------------------------------- 2016Q1
        scriptFamilies();
        for (int i = families.size() + 1; i <= FAMILIES; i++) {
            Household h = f.newHousehold(i, true);
            f.drawQuarterRows(h, Q1);
            families.add(h);
        }
        List<BadRow> bad1 = writeQuarter(out.resolve(Q1.toString()), Q1);
        SampleOutcomes rules = new SampleOutcomes();
        Map<String, SampleOutcomes.Outcome> run1 = rules.evaluate(families, Q1, familiesOf(bad1),
                familyRowsRejected(bad1));

        // ---------------------------------------------------------------- 2016Q2
        f.quarter(Q2);
        for (Household h : families) {
            Consumer<Household> before = q2Before.get(h.familyId);
            if (before != null) {
                h.declaredOn = f.declarationDay(Q2);
                before.accept(h);
                f.drawQuarterRows(h, Q2);
            } else {
                evolve(h);
                f.drawQuarterRows(h, Q2);
            }
            Consumer<Household> after = q2After.get(h.familyId);
            if (after != null) {
                after.accept(h);
            }
        }
        List<BadRow> bad2 = writeQuarter(out.resolve(Q2.toString()), Q2);
        Map<String, SampleOutcomes.Outcome> run2 = rules.evaluate(families, Q2, familiesOf(bad2),
                familyRowsRejected(bad2));

        Files.writeString(out.resolve("README.md"), readme(bad1, bad2, run1, run2), StandardCharsets.UTF_8);
    }

    private List<BadRow> writeQuarter(Path dir, QuarterMonths q) throws IOException {
        List<BadRow> bad;
        try (QuarterFiles files = new QuarterFiles(dir)) {
            for (Household h : families) {
                files.write(h);
            }
            bad = new ArrayList<>(files.badRows());
            long[] counts = files.rowCounts();
            String[] names = {QuarterFiles.FAMILIES, QuarterFiles.MEMBERS, QuarterFiles.INCOMES, QuarterFiles.CONTRACTS,
                QuarterFiles.OBLIGATIONS, QuarterFiles.MONITORING};
            for (int i = 0; i < names.length; i++) {
                rowsWritten.put(q + "/" + names[i], counts[i]);
            }
        }
        for (BadRow b : bad) {
            cascades.put(b, cascade(find(b.familyId()), b));
        }
        QuarterFiles.writeSubsistenceMinimum(dir, REGIONS, q);
        return bad;
    }

    private static Set<String> familiesOf(List<BadRow> bad) {
        Set<String> ids = new LinkedHashSet<>();
        for (BadRow b : bad) {
            ids.add(b.familyId());
        }
        return ids;
    }

    private static Set<String> familyRowsRejected(List<BadRow> bad) {
        Set<String> ids = new LinkedHashSet<>();
        for (BadRow b : bad) {
            if (b.file().equals(QuarterFiles.FAMILIES)) {
                ids.add(b.familyId());
            }
        }
        return ids;
    }

    // =================================================================== scripted families

    private Household scripted(int region, int size, String name, String what) {
        return scripted(region, size, name, what, false);
    }

    private Household scripted(int region, int size, String name, String what, boolean femaleHead) {
        int index = families.size() + 1;
        long ref = Q2.firstDay();
        Household h;
        double contractShare = f.contractShare;
        f.contractShare = 0; // scripted contracts are made by hand: no contract ids drawn and thrown away
        do {
            h = f.newHousehold(index, false, size);
        } while (!suitable(h, size, ref, femaleHead));
        f.contractShare = contractShare;
        h.region = region;
        h.district = Names.pick(rnd, Names.districts(region));
        h.urban = Names.isCity(region, h.district) || rnd.nextDouble() < 0.3;
        h.streams.clear();
        h.contract = null;
        h.obligations.clear();
        h.declaredOn = f.declarationDay(Q1);
        Member head = h.head();
        head.disability = 0;
        head.carer = false;
        head.student = false;
        head.pensioner = false;
        for (Member m : h.members) {
            m.employed = false;
        }
        families.add(h);
        cases.put(h.familyId, new String[] {name, what});
        return h;
    }

    private static boolean suitable(Household h, int size, long ref, boolean femaleHead) {
        Member head = h.head();
        int age = HouseholdFactory.age(head.birth, ref);
        if (age < 25 || age > (femaleHead ? 40 : 50) || head.male == femaleHead) {
            return false;
        }
        for (Member m : h.members) {
            if (m.firstName.contains("\"") || m.firstName.contains(",")) {
                return false; // keep the scripted families plain; the odd names are elsewhere
            }
        }
        if (size >= 3) {
            boolean spouse = h.members.get(1).relation.equals(HouseholdFactory.SPOUSE);
            boolean schoolChild = false;
            for (Member m : h.members) {
                int a = HouseholdFactory.age(m.birth, ref);
                schoolChild |= m.relation.equals(HouseholdFactory.CHILD) && a >= 7 && a <= 16;
            }
            return spouse && schoolChild;
        }
        return true;
    }

    /** Monthly incomes giving per-capita {@code perCapita} tenge over the members counted after {@code q}. */
    private void income(Household h, QuarterMonths q, long perCapita, String headType) {
        h.streams.clear();
        long ref = q.next().firstDay();
        int n = 0;
        int children = 0;
        Member mother = null;
        for (Member m : h.members) {
            if (m.memberOn(ref)) {
                n++;
                if (HouseholdFactory.age(m.birth, ref) < 18) {
                    children++;
                } else if (!m.male && m != h.head() && (m.relation.equals(HouseholdFactory.SPOUSE))) {
                    mother = m;
                }
            }
        }
        long total = perCapita * n;
        if (total == 0) {
            return;
        }
        long childBenefit = mother != null && children > 0 && total >= 10_000 ? Math.min(2_000L * children, total / 4) : 0;
        stream(h, h.head(), headType, total - childBenefit);
        if (childBenefit > 0) {
            stream(h, mother, "CHILD_BENEFIT", childBenefit);
        }
    }

    private Stream stream(Household h, Member m, String type, long tenge) {
        Stream s = f.addStream(h, m, type, tenge * 100, 1.0, 0);
        s.whole = true;
        return s;
    }

    private Contract contract(Household h, String mode, String status, int startMonth, int months) {
        h.contract = f.newContract(mode, status, startMonth, months);
        return h.contract;
    }

    /** The family plan: the head's obligation, school attendance for school-age children, spending reports. */
    private void plan(Household h, String headObligation) {
        h.obligations.clear();
        long ref = Q2.firstDay();
        if (headObligation != null) {
            h.obligations.add(new Obligation(h.head(), headObligation));
        }
        for (Member m : h.members) {
            int a = HouseholdFactory.age(m.birth, ref);
            if (m.relation.equals(HouseholdFactory.CHILD) && a >= 6 && a < 18 && m.memberOn(ref)) {
                h.obligations.add(new Obligation(m, "SCHOOL_ATTENDANCE"));
            }
        }
        if (h.contract.mode.equals("LUMP_SUM")) {
            h.obligations.add(new Obligation(h.head(), "SPENDING_REPORT"));
        }
    }

    /** Every obligation MET in every month of the quarter in which the contract is in force. */
    private void allMet(Household h, QuarterMonths q) {
        h.monitoring.clear();
        if (h.contract == null) {
            return;
        }
        String[] purposes = {"LIVESTOCK", "EQUIPMENT", "SEEDS"};
        for (int i = 0; i < 3; i++) {
            int month = q.month(i);
            if (!h.contract.inForce(month)) {
                continue;
            }
            for (Obligation o : h.obligations) {
                h.monitoring.add(new MonitoringRow(o, month, "MET",
                        o.type.equals("SPENDING_REPORT") ? purposes[i] : null));
            }
        }
    }

    private static MonitoringRow report(Household h, String obligation, int month) {
        for (MonitoringRow r : h.monitoring) {
            if (r.obligation.type.equals(obligation) && r.month == month) {
                return r;
            }
        }
        throw new IllegalStateException(h.familyId + " has no " + obligation + " report for " + Dates.month(month));
    }

    private static void removeReport(Household h, String obligation, int month) {
        h.monitoring.remove(report(h, obligation, month));
    }

    private static int month(int year, int month) {
        return Dates.absMonth(year, month);
    }

    private Member firstChild(Household h) {
        for (int i = h.members.size() - 1; i > 0; i--) {
            Member m = h.members.get(i);
            if (m.relation.equals(HouseholdFactory.CHILD)) {
                return m;
            }
        }
        throw new IllegalStateException(h.familyId + " has no child");
    }

    private void rowsQ1(Household h) {
        f.drawQuarterRows(h, Q1);
        allMet(h, Q1);
    }

    private void scriptFamilies() {
        // Lines 2016Q1 (benefit quarter 2016Q2): 11: ASP 8,840 / CCA 13,260; 31: 8,600 / 12,900; 63: 9,200 / 13,800.
        // Lines 2016Q2 (benefit quarter 2016Q3): 11: 8,960 / 13,440; 31: 8,680 / 13,020; 63: 9,340 / 14,010.
        Household h;

        h = scripted(31, 5, "asp", "Casual wages, per-capita 3,000: ASP. Slightly more in 2016Q2 (3,200): ASP with a"
                + " changed amount.");
        income(h, Q1, 3_000, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 3_200, "WAGE"));

        h = scripted(31, 5, "poverty-trap", "The guide's example: casual wages 15,000 a month, ASP; in 2016Q2 a formal"
                + " job at 45,000 lifts per-capita to 9,000, above the ASP line but below the CCA line: CCA_CANDIDATE,"
                + " ASP stopped.");
        income(h, Q1, 3_000, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 9_000, "WAGE"));

        h = scripted(63, 4, "cca-monthly", "Monthly contract 2016-02..2016-07, per-capita 11,000 (between the lines):"
                + " CCA all quarter; one EXCUSED report (counts as met). In 2016Q3 only July is in force: CCA for July,"
                + " nothing after (above the ASP line).");
        income(h, Q1, 11_000, "SELF_EMPLOYMENT");
        contract(h, "MONTHLY", "ACTIVE", month(2016, 2), 6);
        plan(h, "TRAINING");
        rowsQ1(h);
        report(h, "TRAINING", month(2016, 3)).outcome = "EXCUSED";
        q2Before.put(h.familyId, x -> income(x, Q2, 11_000, "SELF_EMPLOYMENT"));
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(11, 6, "lump-sum-starts", "Lump-sum contract starting 2016-04 (signed in March): three months'"
                + " CCA paid in April, nothing in May and June (CCA_LUMP_SUM); spending reports in 2016Q2 name"
                + " livestock, equipment, seeds; monthly CCA from July.");
        income(h, Q1, 7_000, "SUBSIDIARY_FARMING");
        contract(h, "LUMP_SUM", "ACTIVE", month(2016, 4), 6);
        plan(h, "EMPLOYMENT");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 7_000, "SUBSIDIARY_FARMING"));
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(11, 4, "candidate-then-lump-sum", "Per-capita 11,500, between the lines, no contract:"
                + " CCA_CANDIDATE. Offered a contract, the family signs a lump-sum contract in June starting 2016-07:"
                + " CCA_LUMP_SUM in 2016Q3.");
        income(h, Q1, 11_500, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> {
            income(x, Q2, 11_500, "WAGE");
            Contract c = contract(x, "LUMP_SUM", "ACTIVE", month(2016, 7), 6);
            c.signed = Dates.epochDay(2016, 6, 20);
            plan(x, "TRAINING");
        });
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(63, 3, "above-line", "Per-capita 40,000: above every line, nothing paid.");
        income(h, Q1, 40_000, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 41_000, "WAGE"));

        h = scripted(31, 4, "cca-candidate", "Per-capita 10,000, between the lines, no contract: CCA_CANDIDATE in"
                + " both quarters (nothing paid).");
        income(h, Q1, 10_000, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 10_200, "WAGE"));

        h = scripted(11, 5, "declined-asp", "Declined contract (empty dates), per-capita 4,000 below the ASP line:"
                + " ASP_CONTRACT_DECLINED.");
        income(h, Q1, 4_000, "WAGE");
        contract(h, "MONTHLY", "DECLINED", -1, 0);
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 4_000, "WAGE"));

        h = scripted(63, 4, "declined-between-lines", "Declined contract, per-capita 11,000 between the lines: no"
                + " ASP and not a candidate: ABOVE_LINE.");
        income(h, Q1, 11_000, "WAGE");
        contract(h, "LUMP_SUM", "DECLINED", -1, 0);
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 11_000, "WAGE"));

        h = scripted(31, 3, "no-declaration", "Empty declared_on in 2016Q1 although income rows are present:"
                + " NO_DECLARATION. Declares in 2016Q2 (per-capita 5,000): ASP, NEW.");
        income(h, Q1, 5_000, "WAGE");
        rowsQ1(h);
        h.declaredOn = Dates.NONE;
        q2Before.put(h.familyId, x -> income(x, Q2, 5_000, "WAGE"));

        h = scripted(11, 4, "zero-income", "A declaration with no income rows: per-capita 0, ASP = the ASP line x 4.");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> x.streams.clear());

        h = scripted(31, 5, "fails-twice", "Monthly contract 2016-02..2016-07, per-capita 5,000. JOB_SEARCH NOT_MET in"
                + " February and March: WARNING (CCA continues). NOT_MET again in April and June: second failure,"
                + " TERMINATED in the 2016Q3 run: no CCA from July, ASP_CONTRACT_TERMINATED.");
        income(h, Q1, 5_000, "SELF_EMPLOYMENT");
        contract(h, "MONTHLY", "ACTIVE", month(2016, 2), 6);
        plan(h, "JOB_SEARCH");
        rowsQ1(h);
        report(h, "JOB_SEARCH", month(2016, 2)).outcome = "NOT_MET";
        report(h, "JOB_SEARCH", month(2016, 3)).outcome = "NOT_MET";
        q2Before.put(h.familyId, x -> income(x, Q2, 5_000, "SELF_EMPLOYMENT"));
        q2After.put(h.familyId, x -> {
            allMet(x, Q2);
            report(x, "JOB_SEARCH", month(2016, 4)).outcome = "NOT_MET";
            report(x, "JOB_SEARCH", month(2016, 6)).outcome = "NOT_MET";
        });

        h = scripted(63, 4, "missing-reports", "Monthly contract 2016-01..2016-06, per-capita 6,000; TRAINING reports"
                + " missing for February and March: MISSING_REPORT, WARNING (CCA continues). Complete in 2016Q2; the"
                + " contract has ended by July: ASP in 2016Q3.");
        income(h, Q1, 6_000, "SELF_EMPLOYMENT");
        contract(h, "MONTHLY", "ACTIVE", month(2016, 1), 6);
        plan(h, "TRAINING");
        rowsQ1(h);
        removeReport(h, "TRAINING", month(2016, 2));
        removeReport(h, "TRAINING", month(2016, 3));
        q2Before.put(h.familyId, x -> income(x, Q2, 6_000, "SELF_EMPLOYMENT"));
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(11, 3, "forbidden-spending", "Lump-sum contract 2016-01..2016-06 (lump sum paid in January),"
                + " per-capita 7,000; the February spending report names LOAN: FORBIDDEN_SPENDING, WARNING. April-June"
                + " are its 4th-6th months: monthly CCA. ASP in 2016Q3.");
        income(h, Q1, 7_000, "SUBSIDIARY_FARMING");
        contract(h, "LUMP_SUM", "ACTIVE", month(2016, 1), 6);
        plan(h, "EMPLOYMENT");
        rowsQ1(h);
        report(h, "SPENDING_REPORT", month(2016, 2)).purpose = "LOAN";
        q2Before.put(h.familyId, x -> income(x, Q2, 7_000, "SUBSIDIARY_FARMING"));
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(31, 5, "membership-changes", "The husband left on 2016-02-15 (his January and February wages"
                + " are not counted: he is not a member on 2016-04-01); per-capita 16,000 x 3 / 3 / 4 = 4,000: ASP for"
                + " 4 members. A child born in 2016Q2 joins: counted from 2016Q3 on, ASP for 5 members.", true);
        Member husband = h.members.get(1);
        husband.left = Dates.epochDay(2016, 2, 15);
        husband.carer = false;
        stream(h, h.head(), "WAGE", 16_000);
        stream(h, husband, "WAGE", 30_000);
        rowsQ1(h);
        q2Before.put(h.familyId, x -> {
            x.streams.clear();
            stream(x, x.head(), "WAGE", 16_000);
            if (f.addNewborn(x, Q2) == null) {
                throw new IllegalStateException("no newborn for " + x.familyId);
            }
        });

        h = scripted(63, 4, "terminated-in-input", "A contract the department terminated (status TERMINATED,"
                + " 2015-10..2016-02), per-capita 5,000: ASP_CONTRACT_TERMINATED in both quarters.");
        income(h, Q1, 5_000, "WAGE");
        contract(h, "MONTHLY", "TERMINATED", month(2015, 10), 5);
        plan(h, "JOB_SEARCH");
        rowsQ1(h);
        report(h, "JOB_SEARCH", month(2016, 2)).outcome = "NOT_MET";
        q2Before.put(h.familyId, x -> income(x, Q2, 5_000, "WAGE"));

        h = scripted(11, 3, "contract-above-line", "An active contract 2016-02..2016-07, but per-capita 25,000 is above"
                + " the CCA line: nothing paid, ABOVE_LINE.");
        income(h, Q1, 25_000, "WAGE");
        contract(h, "MONTHLY", "ACTIVE", month(2016, 2), 6);
        plan(h, "TRAINING");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 25_000, "WAGE"));
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(31, 5, "contract-ends-in-april", "Monthly contract 2015-11..2016-04, per-capita 6,000: CCA in"
                + " April, ASP in May and June (benefit CCA, quarter = CCA + 2 x ASP); ASP in 2016Q3.");
        income(h, Q1, 6_000, "SELF_EMPLOYMENT");
        contract(h, "MONTHLY", "ACTIVE", month(2015, 11), 6);
        plan(h, "JOB_SEARCH");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> {
            income(x, Q2, 6_000, "SELF_EMPLOYMENT");
            x.contract.status = "COMPLETED";
        });
        q2After.put(h.familyId, x -> allMet(x, Q2));

        // ------------------------------------------------ deliberately bad rows, 2016Q1
        h = scripted(63, 4, "bad-iin", "A child's IIN with a wrong check digit in 2016Q1: member row rejected,"
                + " INCOMPLETE_DATA. Corrected in 2016Q2: ASP.");
        income(h, Q1, 4_000, "WAGE");
        rowsQ1(h);
        Member child = firstChild(h);
        String goodIin = child.iin;
        f.injectBad(h, BadRowKind.BAD_IIN_CHECK_DIGIT, Q1);
        if (child.bad == null) {
            throw new IllegalStateException("bad IIN landed elsewhere in " + h.familyId);
        }
        q2Before.put(h.familyId, x -> {
            child.iin = goodIin;
            child.bad = null;
            income(x, Q2, 4_000, "WAGE");
        });

        h = scripted(63, 3, "bad-amount", "An income amount written \"12,50\" (decimal comma) in 2016Q1: income row"
                + " rejected, INCOMPLETE_DATA. Clean in 2016Q2: ASP.");
        income(h, Q1, 5_000, "WAGE");
        rowsQ1(h);
        f.injectBad(h, BadRowKind.AMOUNT_WITH_COMMA, Q1);
        for (IncomeRow r : h.incomes) {
            if (r.bad != null) {
                r.amount = "12,50";
            }
        }
        q2Before.put(h.familyId, x -> income(x, Q2, 5_000, "WAGE"));

        h = scripted(11, 4, "duplicate-income", "The same IIN, month and income type twice in 2016Q1: the second row is"
                + " rejected, INCOMPLETE_DATA. Clean in 2016Q2: CCA_CANDIDATE.");
        income(h, Q1, 10_000, "WAGE");
        rowsQ1(h);
        f.injectBad(h, BadRowKind.DUPLICATE_INCOME, Q1);
        q2Before.put(h.familyId, x -> income(x, Q2, 10_000, "WAGE"));

        h = scripted(11, 4, "unknown-region", "Region 99 in 2016Q1: the family row is rejected (no entitlement row);"
                + " its member and income rows are rejected as of an unknown family. Region corrected to 11 in 2016Q2:"
                + " ASP, NEW.");
        income(h, Q1, 3_500, "WAGE");
        rowsQ1(h);
        f.injectBad(h, BadRowKind.UNKNOWN_REGION, Q1);
        q2Before.put(h.familyId, x -> {
            x.region = 11;
            x.bad = null;
            income(x, Q2, 3_500, "WAGE");
        });

        h = scripted(31, 4, "misaligned-contract", "A contract starting on 2016-04-15 in 2016Q1: contract row rejected,"
                + " its obligation rows rejected as of an unknown contract, INCOMPLETE_DATA. Corrected to"
                + " 2016-04-01..2016-09-30 in 2016Q2: CCA.");
        income(h, Q1, 6_000, "SELF_EMPLOYMENT");
        Contract mis = contract(h, "MONTHLY", "ACTIVE", month(2016, 4), 6);
        plan(h, "JOB_SEARCH");
        rowsQ1(h);
        f.injectBad(h, BadRowKind.MISALIGNED_CONTRACT_START, Q1);
        q2Before.put(h.familyId, x -> {
            mis.start = Dates.firstDay(month(2016, 4));
            mis.bad = null;
            income(x, Q2, 6_000, "SELF_EMPLOYMENT");
        });
        q2After.put(h.familyId, x -> allMet(x, Q2));

        h = scripted(11, 5, "unknown-income-type", "An income row of type BONUS, not in the income-type table, in"
                + " 2016Q1: rejected, INCOMPLETE_DATA. Clean in 2016Q2: ASP.");
        income(h, Q1, 3_000, "WAGE");
        stream(h, h.head(), "OTHER", 2_000);
        rowsQ1(h);
        f.injectBad(h, BadRowKind.UNKNOWN_INCOME_TYPE, Q1);
        q2Before.put(h.familyId, x -> {
            income(x, Q2, 3_000, "WAGE");
            stream(x, x.head(), "OTHER", 2_000);
        });

        // ------------------------------------------------ deliberately bad rows, 2016Q2
        h = scripted(63, 5, "month-outside-quarter", "Clean in 2016Q1: ASP. In 2016Q2 one income row is dated"
                + " 2016-03, outside the income quarter: rejected, INCOMPLETE_DATA (ASP stopped).");
        income(h, Q1, 4_500, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 4_500, "WAGE"));
        q2After.put(h.familyId, x -> f.injectBad(x, BadRowKind.MONTH_OUTSIDE_QUARTER, Q2));

        h = scripted(31, 4, "too-many-decimals", "Clean in 2016Q1: CCA_CANDIDATE. In 2016Q2 an amount with three"
                + " decimals: rejected, INCOMPLETE_DATA.");
        income(h, Q1, 9_500, "WAGE");
        rowsQ1(h);
        q2Before.put(h.familyId, x -> income(x, Q2, 9_500, "WAGE"));
        q2After.put(h.familyId, x -> f.injectBad(x, BadRowKind.TOO_MANY_DECIMALS, Q2));
    }

    // =================================================================== the other families, one quarter on

    /** Plausible changes from one quarter to the next for a family that is not scripted. */
    private void evolve(Household h) {
        h.declaredOn = rnd.nextDouble() < 0.02 ? Dates.NONE : f.declarationDay(Q2);
        for (Iterator<Stream> it = h.streams.iterator(); it.hasNext();) {
            Stream s = it.next();
            if (s.oneOff || (!s.type.equals("PENSION") && rnd.nextDouble() < 0.07)) {
                it.remove();
                continue;
            }
            long cents = Math.round(s.baseCents * (0.92 + 0.23 * rnd.nextDouble()));
            s.baseCents = s.whole ? Math.max(100, cents / 100 * 100) : cents;
        }
        long ref = Q2.next().firstDay();
        if (rnd.nextDouble() < 0.1) {
            for (Member m : h.members) {
                if (HouseholdFactory.age(m.birth, ref) >= 18 && !HouseholdFactory.exemptFromWork(m, ref)
                        && !m.employed && m.memberOn(ref)) {
                    f.addStream(h, m, "WAGE", (25_000 + rnd.nextInt(40_000)) * 100L, 0.95, 0.1);
                    break;
                }
            }
        }
        if (rnd.nextDouble() < 0.04) {
            Member baby = f.addNewborn(h, Q2);
            if (baby != null) {
                for (Stream s : h.streams) {
                    if (s.type.equals("CHILD_BENEFIT")) {
                        s.baseCents += 2_000 * 100;
                    }
                }
            }
        }
        if (rnd.nextDouble() < 0.03) {
            Member leaver = f.someoneLeaves(h, Q2);
            if (leaver != null) {
                h.obligations.removeIf(o -> o.member == leaver);
            }
        }
        Contract c = h.contract;
        if (c != null) {
            if (c.status.equals("ACTIVE") && c.end != Dates.NONE && c.end < Q2.firstDay()) {
                c.status = "COMPLETED";
            }
        } else if (h.level < 0.9 && rnd.nextDouble() < 0.05) {
            int start = Q2.month(1) + rnd.nextInt(3);
            h.contract = f.newContract(rnd.nextDouble() < 0.25 ? "LUMP_SUM" : "MONTHLY", "ACTIVE", start, 6);
            f.planObligations(h);
        }
    }

    // =================================================================== README

    private String readme(List<BadRow> bad1, List<BadRow> bad2, Map<String, SampleOutcomes.Outcome> run1,
                          Map<String, SampleOutcomes.Outcome> run2) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sample data: two income quarters of the pilot regions\n\n");
        sb.append("""
                Two consecutive income-quarter folders in the format of `contracts.md`, for the three pilot regions
                Akmola (11), Zhambyl (31) and East Kazakhstan (63): `2016Q1/` (incomes of January-March 2016, decides
                benefit quarter 2016Q2) and `2016Q2/` (April-June 2016, decides 2016Q3). The same %d families are in
                both, with plausible changes between them (incomes up or down, jobs found, children born, members
                leaving, contracts continuing, ending or newly signed). Names are Kazakh and Russian Cyrillic; some
                contain commas or double quotes and are quoted as RFC 4180 says. Files are UTF-8 without byte-order
                mark, LF line ends. The data is synthetic: IINs are well formed (correct check digit, date digits
                matching the birth date) but belong to nobody.

                Run them in order on a fresh database (the second run counts the contract failures of the first):

                ```
                ops/benefits run --quarter 2016Q2 --input sample-data/2016Q1 --output out
                ops/benefits run --quarter 2016Q3 --input sample-data/2016Q2 --output out
                ```

                """.formatted(FAMILIES));
        sb.append("| | ").append(Q1).append(" | ").append(Q2).append(" |\n|---|---:|---:|\n");
        String[] files = {QuarterFiles.FAMILIES, QuarterFiles.MEMBERS, QuarterFiles.INCOMES, QuarterFiles.CONTRACTS,
            QuarterFiles.OBLIGATIONS, QuarterFiles.MONITORING};
        for (String file : files) {
            sb.append("| `").append(file).append("` rows | ").append(rowCount(Q1, file)).append(" | ")
                    .append(rowCount(Q2, file)).append(" |\n");
        }
        sb.append("\nEach folder has its own `subsistence-minimum.csv` for its quarter (it replaces the shipped table"
                + " for that run); the lines follow with the shipped 2014-2017 rules (ASP 40 %, CCA 60 %):\n\n");
        sb.append("| region | SM ").append(Q1).append(" | ASP line | CCA line | SM ").append(Q2)
                .append(" | ASP line | CCA line |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (int r : REGIONS) {
            long a = SubsistenceMinimum.cents(r, Q1);
            long b = SubsistenceMinimum.cents(r, Q2);
            sb.append("| ").append(r).append(" | ").append(money(a)).append(" | ").append(money(a * 4 / 10))
                    .append(" | ").append(money(a * 6 / 10)).append(" | ").append(money(b)).append(" | ")
                    .append(money(b * 4 / 10)).append(" | ").append(money(b * 6 / 10)).append(" |\n");
        }

        sb.append("\n## Deliberately bad rows\n\n");
        sb.append("Line numbers are physical lines with the header as line 1. Rows that refer to a rejected row are"
                + " rejected in turn (listed under *also rejected*); every family concerned is `INCOMPLETE_DATA`"
                + " (or, when its own row is rejected, has no entitlement row) in that run.\n\n");
        sb.append("| folder | file | line | family | what is wrong | value | also rejected |\n");
        sb.append("|---|---|---:|---|---|---|---|\n");
        badRowsTable(sb, Q1, bad1);
        badRowsTable(sb, Q2, bad2);

        sb.append("\n## The scripted families\n\n");
        sb.append("The first ").append(cases.size()).append(" families were each made to show one rule. The outcome"
                + " columns are what the rule book gives, as re-computed by the writer's own small evaluator"
                + " (`SampleOutcomes`); the quarterly job is the authority.\n\n");
        sb.append("| family | region | case | what it shows | benefit quarter ").append(Q1.next())
                .append(" | benefit quarter ").append(Q2.next()).append(" |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String[]> e : cases.entrySet()) {
            Household h = find(e.getKey());
            sb.append("| ").append(e.getKey()).append(" | ").append(h.region).append(" | ").append(e.getValue()[0])
                    .append(" | ").append(e.getValue()[1].replace("|", "\\|")).append(" | ")
                    .append(brief(run1.get(e.getKey()))).append(" | ").append(brief(run2.get(e.getKey())))
                    .append(" |\n");
        }

        sb.append("\n## The other families\n\n");
        sb.append("F").append(String.format("%07d", cases.size() + 1)).append(" to F")
                .append(String.format("%07d", FAMILIES)).append(" are drawn by the same code as `QuarterGenerator`"
                + " (sizes 1-9, about 10 % with a contract, mostly MET monitoring with some NOT_MET, EXCUSED and"
                + " missing reports); in 2016Q2 their incomes drift, a few find work, have a child, lose a member"
                + " or sign a contract. Their outcomes, by the same evaluator (family numbers without the F and"
                + " leading zeros):\n\n");
        sb.append("| decision | benefit quarter ").append(Q1.next()).append(" | benefit quarter ").append(Q2.next())
                .append(" |\n|---|---|---|\n");
        Map<String, List<String>> by1 = byDecision(run1);
        Map<String, List<String>> by2 = byDecision(run2);
        Set<String> decisions = new LinkedHashSet<>(List.of("ASP", "ASP_CONTRACT_DECLINED", "ASP_CONTRACT_TERMINATED",
                "CCA", "CCA_LUMP_SUM", "CCA_CANDIDATE", "ABOVE_LINE", "NO_DECLARATION", "INCOMPLETE_DATA"));
        decisions.addAll(by1.keySet());
        decisions.addAll(by2.keySet());
        for (String d : decisions) {
            sb.append("| ").append(d).append(" | ").append(idList(by1.get(d))).append(" | ").append(idList(by2.get(d)))
                    .append(" |\n");
        }
        List<String> sanctions = new ArrayList<>();
        for (Map<String, SampleOutcomes.Outcome> run : List.of(run1, run2)) {
            for (SampleOutcomes.Outcome o : run.values()) {
                if (o.sanction() != null && !cases.containsKey(o.familyId())) {
                    sanctions.add(o.familyId() + " in the " + (run == run1 ? Q1.next() : Q2.next()) + " run: "
                            + o.sanction() + " (" + o.findings() + ")");
                }
            }
        }
        if (!sanctions.isEmpty()) {
            sb.append("\nSanctions among them (random monitoring, not scripted): ").append(String.join("; ", sanctions))
                    .append(".\n");
        }

        sb.append("\n## Regenerating\n\n");
        sb.append("""
                The folders and this README are written by `kz.orleu.benefits.generator.SampleDataWriter`
                (fixed seed, so the same bytes every time):

                ```
                ./mvnw -B -q -f benchmark/pom.xml -DskipTests package
                java -cp benchmark/target/benefits-benchmark.jar kz.orleu.benefits.generator.SampleDataWriter sample-data
                ```

                For load tests, `QuarterGenerator` writes one income-quarter folder of any size, streaming (memory
                stays flat) and deterministic for a seed; `--bad-rows K` spreads K deliberately bad rows over the
                files (bad IIN check digit, amount with a decimal comma, duplicate income row, region 99, contract
                starting mid-month, unknown income type) and prints where they are:

                ```
                java -cp benchmark/target/benefits-benchmark.jar kz.orleu.benefits.generator.QuarterGenerator \\
                     --families 1000000 --income-quarter 2016Q1 --seed 42 --output /tmp/q [--regions 11,63,31] [--bad-rows K]
                ```

                ## proposals/

                `proposals/asp-2018.csv`: the shipped `rules.csv` with the 2018 reform (ASP and CCA both at 50 % of the
                subsistence minimum) dated 2016-01-01 instead of 2018-01-01 and the 2019 rows left out, so that the sample
                quarters can be simulated under it: `ops/benefits simulate --quarter 2016Q2 --input sample-data/2016Q1
                --output out --rules sample-data/proposals/asp-2018.csv` (the picture in the README).
                """);
        return sb.toString();
    }

    private void badRowsTable(StringBuilder sb, QuarterMonths q, List<BadRow> bad) {
        for (BadRow b : bad) {
            sb.append("| ").append(q).append(" | `").append(b.file()).append("` | ").append(b.line()).append(" | ")
                    .append(b.familyId()).append(" | ").append(b.kind().description()).append(" | `")
                    .append(b.value()).append("` | ").append(cascades.get(b)).append(" |\n");
        }
    }

    /** The rows that are rejected because they refer to the bad row. */
    private static String cascade(Household h, BadRow b) {
        switch (b.kind()) {
            case UNKNOWN_REGION -> {
                return "its " + h.members.size() + " `members.csv` and " + h.incomes.size()
                        + " `incomes.csv` rows (unknown family)" + (h.contract != null ? " and its contract" : "");
            }
            case BAD_IIN_CHECK_DIGIT -> {
                long rows = h.incomes.stream().filter(r -> r.member.bad != null).count()
                        + h.obligations.stream().filter(o -> o.member.bad != null).count();
                return rows == 0 ? "none (that member has no income or obligation rows)" : rows + " rows (unknown member)";
            }
            case MISALIGNED_CONTRACT_START -> {
                return "its " + h.obligations.size() + " `obligations.csv` rows (unknown contract)"
                        + (h.monitoring.isEmpty() ? "" : " and " + h.monitoring.size() + " `monitoring.csv` rows");
            }
            default -> {
                return "none";
            }
        }
    }

    private Household find(String id) {
        for (Household h : families) {
            if (h.familyId.equals(id)) {
                return h;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static String brief(SampleOutcomes.Outcome o) {
        return o == null ? "no entitlement row (family row rejected)" : o.brief();
    }

    private Map<String, List<String>> byDecision(Map<String, SampleOutcomes.Outcome> run) {
        Map<String, List<String>> by = new TreeMap<>();
        for (SampleOutcomes.Outcome o : run.values()) {
            if (!cases.containsKey(o.familyId())) {
                by.computeIfAbsent(o.decision(), k -> new ArrayList<>()).add(o.familyId());
            }
        }
        return by;
    }

    private static String idList(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return "-";
        }
        List<String> shortIds = new ArrayList<>();
        for (String id : ids) {
            shortIds.add(id.substring(1).replaceFirst("^0+", ""));
        }
        return ids.size() + ": " + String.join(", ", shortIds);
    }

    private static String money(long cents) {
        return String.format("%,d.%02d", cents / 100, cents % 100);
    }

    private long rowCount(QuarterMonths q, String file) {
        return rowsWritten.getOrDefault(q + "/" + file, 0L);
    }

    private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
    private final Map<BadRow, String> cascades = new LinkedHashMap<>();
}
