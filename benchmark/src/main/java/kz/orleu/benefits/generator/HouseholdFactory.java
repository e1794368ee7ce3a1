package kz.orleu.benefits.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

import kz.orleu.benefits.generator.Household.Contract;
import kz.orleu.benefits.generator.Household.IncomeRow;
import kz.orleu.benefits.generator.Household.Member;
import kz.orleu.benefits.generator.Household.MonitoringRow;
import kz.orleu.benefits.generator.Household.Obligation;
import kz.orleu.benefits.generator.Household.Stream;

/**
 * Draws plausible families: members with real-valued IINs, income streams, a social contract for some, its
 * obligations, and, for an income quarter, the income and monitoring rows. Everything comes from one
 * {@link SplittableRandom} consumed in a fixed order, so a seed fixes every byte.
 */
final class HouseholdFactory {

    static final String HEAD = "HEAD";
    static final String SPOUSE = "SPOUSE";
    static final String CHILD = "CHILD";
    static final String PARENT = "PARENT";
    static final String OTHER = "OTHER";

    static final String[] ALLOWED_PURPOSES = {"EQUIPMENT", "LIVESTOCK", "SEEDS", "REPAIRS", "TRAINING", "OTHER_ALLOWED"};
    static final String[] FORBIDDEN_PURPOSES = {"DEBT", "LOAN", "REAL_ESTATE"};

    /** Relative weights of family sizes 1..9 (mean about 4.5). */
    private static final int[] SIZE_WEIGHTS = {7, 11, 16, 19, 17, 13, 9, 5, 3};
    private static final int SIZE_TOTAL = 100;

    private static final long EARLIEST_REGISTRATION = LocalDate.of(2008, 1, 1).toEpochDay();

    final SplittableRandom rnd;
    private final int[] regions;
    private final int idWidth;
    private final IinAllocator iins;
    private QuarterMonths quarter;
    private int contractSeq;

    double contractShare = 0.10;
    double declinedShare = 0.12;
    double lumpSumShare = 0.25;
    double zeroIncomeShare = 0.04;
    double noDeclarationShare = 0.02;
    double newbornShare = 0.02;
    double leaverShare = 0.015;
    double oddNameShare = 0.004;
    double missingReportShare = 0.02;
    double notMetShare = 0.05;
    double excusedShare = 0.04;
    double forbiddenPurposeShare = 0.01;

    HouseholdFactory(SplittableRandom rnd, QuarterMonths quarter, int[] regions, int idWidth, long salt) {
        this.rnd = rnd;
        this.quarter = quarter;
        this.regions = regions.clone();
        this.idWidth = idWidth;
        this.iins = new IinAllocator(salt);
    }

    QuarterMonths quarter() {
        return quarter;
    }

    void quarter(QuarterMonths q) {
        this.quarter = q;
    }

    /** First day of the benefit quarter: the day members are counted and exemptions judged. */
    long ref() {
        return quarter.next().firstDay();
    }

    static String id(char prefix, long n, int width) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(width + 1).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    String nextContractId() {
        return id('C', ++contractSeq, idWidth);
    }

    int contractsIssued() {
        return contractSeq;
    }

    // ------------------------------------------------------------------ families

    Household newHousehold(int index, boolean membershipChanges) {
        return newHousehold(index, membershipChanges, 0);
    }

    /** A family of {@code size} members (0: a size drawn from the usual distribution). */
    Household newHousehold(int index, boolean membershipChanges, int size) {
        Household h = new Household(index, id('F', index, idWidth));
        h.region = regions[rnd.nextInt(regions.length)];
        h.district = Names.pick(rnd, Names.districts(h.region));
        h.urban = Names.isCity(h.region, h.district) || rnd.nextDouble() < 0.3;
        h.kazakh = rnd.nextDouble() < 0.72;
        double u = rnd.nextDouble();
        if (u < 0.30) {
            h.level = 0.30 + 0.25 * rnd.nextDouble();
        } else if (u < 0.65) {
            h.level = 0.55 + 0.35 * rnd.nextDouble();
        } else {
            h.level = 0.90 + 0.90 * rnd.nextDouble();
        }
        h.registeredOn = EARLIEST_REGISTRATION
                + rnd.nextLong(Math.max(1, quarter.firstDay() - 90 - EARLIEST_REGISTRATION));
        h.declaredOn = rnd.nextDouble() < noDeclarationShare ? Dates.NONE : declarationDay(quarter);
        buildMembers(h, size > 0 ? size : drawSize());
        if (membershipChanges) {
            if (rnd.nextDouble() < newbornShare) {
                addNewborn(h, quarter);
            }
            if (rnd.nextDouble() < leaverShare) {
                someoneLeaves(h, quarter);
            }
        }
        double contractP = contractShare * (h.level < 0.9 ? 1.5 : 0.25);
        if (rnd.nextDouble() < contractP) {
            h.contract = drawContract();
        }
        buildStreams(h);
        planObligations(h);
        return h;
    }

    long declarationDay(QuarterMonths q) {
        return Dates.firstDay(q.lastMonth()) + 4 + rnd.nextInt(24);
    }

    private int drawSize() {
        int r = rnd.nextInt(SIZE_TOTAL);
        for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
            r -= SIZE_WEIGHTS[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return SIZE_WEIGHTS.length;
    }

    static int age(long birth, long on) {
        LocalDate b = LocalDate.ofEpochDay(birth);
        LocalDate d = LocalDate.ofEpochDay(on);
        int years = d.getYear() - b.getYear();
        if (d.getMonthValue() < b.getMonthValue()
                || (d.getMonthValue() == b.getMonthValue() && d.getDayOfMonth() < b.getDayOfMonth())) {
            years--;
        }
        return years;
    }

    /** A birth date making the person {@code age} on {@code ref}, and at least one day before it. */
    private long birthForAge(long ref, int age) {
        long sameDay = LocalDate.ofEpochDay(ref).minusYears(age).toEpochDay();
        long earliest = LocalDate.ofEpochDay(ref).minusYears(age + 1L).toEpochDay() + 1;
        long span = sameDay - earliest; // 364 or 365 days
        return sameDay - 1 - rnd.nextLong(span);
    }

    private Member person(Household h, long birth, boolean male, String lastName, String relation) {
        Member m = new Member();
        String iin = iins.next(birth, male);
        while (iin == null) { // all 10,000 serials of that day are taken: be born a day earlier
            birth--;
            iin = iins.next(birth, male);
        }
        m.iin = iin;
        m.birth = birth;
        m.male = male;
        m.lastName = lastName;
        m.firstName = Names.firstName(rnd, h.kazakh, male, oddNameShare);
        m.relation = relation;
        m.joined = Math.max(birth, h.registeredOn);
        if (rnd.nextDouble() < 0.03) {
            double g = rnd.nextDouble();
            m.disability = g < 0.15 ? 1 : g < 0.6 ? 2 : 3;
        }
        h.members.add(m);
        return m;
    }

    private void buildMembers(Household h, int size) {
        long ref = ref();
        String[] fam = Names.surname(rnd, h.kazakh, oddNameShare);
        boolean headMale = rnd.nextDouble() < 0.6;
        int headAge = 22 + rnd.nextInt(39);
        Member head = person(h, birthForAge(ref, headAge), headMale, fam[headMale ? 0 : 1], HEAD);
        int slots = size - 1;
        Member mother = headMale ? null : head;
        int motherAge = headMale ? 0 : headAge;
        if (slots > 0 && rnd.nextDouble() < 0.8) {
            int spouseAge = headAge + (headMale ? -rnd.nextInt(7) : rnd.nextInt(7));
            spouseAge = Math.max(19, Math.min(75, spouseAge));
            String last;
            if (rnd.nextDouble() < 0.65) {
                last = fam[headMale ? 1 : 0];
            } else {
                last = Names.surname(rnd, h.kazakh, oddNameShare)[headMale ? 1 : 0];
            }
            Member spouse = person(h, birthForAge(ref, spouseAge), !headMale, last, SPOUSE);
            if (headMale) {
                mother = spouse;
                motherAge = spouseAge;
            }
            slots--;
        }
        if (mother == null) { // a father alone: children's ages bounded by his
            motherAge = headAge;
        }
        if (slots >= 2 && rnd.nextDouble() < 0.12) {
            boolean male = rnd.nextDouble() < 0.35;
            int age = Math.max(headAge + 20, 60) + rnd.nextInt(12);
            Member p = person(h, birthForAge(ref, age), male,
                    Names.surname(rnd, h.kazakh, oddNameShare)[male ? 0 : 1], PARENT);
            p.pensioner = true;
            slots--;
        }
        if (slots >= 2 && rnd.nextDouble() < 0.04) {
            boolean male = rnd.nextBoolean();
            person(h, birthForAge(ref, 18 + rnd.nextInt(23)), male, fam[male ? 0 : 1], OTHER);
            slots--;
        }
        int maxChildAge = Math.min(24, motherAge - 18);
        for (int i = 0; i < slots; i++) {
            boolean male = rnd.nextBoolean();
            int age;
            if (maxChildAge >= 18 && rnd.nextDouble() < 0.08) {
                age = 18 + rnd.nextInt(maxChildAge - 17);
            } else {
                age = rnd.nextInt(Math.max(1, Math.min(17, maxChildAge) + 1));
            }
            Member c = person(h, birthForAge(ref, age), male, fam[male ? 0 : 1], CHILD);
            if (age >= 18 && age <= 23 && rnd.nextDouble() < 0.6) {
                c.student = true;
            }
        }
        for (Member m : h.members) {
            int age = age(m.birth, ref);
            if (age >= (m.male ? 63 : 58)) {
                m.pensioner = true;
            }
            if (m.relation.equals(OTHER) && age <= 23 && rnd.nextDouble() < 0.3) {
                m.student = true;
            }
        }
        assignCarer(h, mother);
    }

    private void assignCarer(Household h, Member mother) {
        long ref = ref();
        boolean needsCare = false;
        for (Member m : h.members) {
            int age = age(m.birth, ref);
            if (age < 3 || m.disability == 1 || m.disability == 2 || age >= 75) {
                needsCare = true;
                break;
            }
        }
        if (!needsCare || rnd.nextDouble() >= 0.35) {
            return;
        }
        Member carer = null;
        if (mother != null && !mother.pensioner && h.members.size() > 1) {
            carer = mother;
        } else {
            for (Member m : h.members) {
                if (age(m.birth, ref) >= 18 && !m.pensioner && m.disability == 0 && !m.student && h.members.size() > 1
                        && (m.relation.equals(HEAD) || m.relation.equals(SPOUSE))) {
                    carer = m;
                    break;
                }
            }
        }
        if (carer != null) {
            carer.carer = true;
        }
    }

    /** A child born during the quarter joins the family (up to 9 members, with a mother of child-bearing age). */
    Member addNewborn(Household h, QuarterMonths q) {
        if (h.members.size() >= 9) {
            return null;
        }
        Member mother = null;
        for (Member m : h.members) {
            if (!m.male && (m.relation.equals(HEAD) || m.relation.equals(SPOUSE)) && age(m.birth, ref()) <= 44) {
                mother = m;
            }
        }
        if (mother == null) {
            return null;
        }
        Member father = null;
        for (Member m : h.members) {
            if (m.male && (m.relation.equals(HEAD) || m.relation.equals(SPOUSE))) {
                father = m;
            }
        }
        boolean male = rnd.nextBoolean();
        long birth = q.firstDay() + rnd.nextLong(q.lastDay() - q.firstDay());
        String last = father != null ? genderForm(father.lastName, male) : genderForm(mother.lastName, male);
        Member c = person(h, birth, male, last, CHILD);
        c.joined = birth;
        c.disability = 0;
        return c;
    }

    /** An adult member other than the head moves out during the quarter. */
    Member someoneLeaves(Household h, QuarterMonths q) {
        long ref = ref();
        Member leaver = null;
        for (int i = h.members.size() - 1; i > 0; i--) {
            Member m = h.members.get(i);
            if (m.left == Dates.NONE && age(m.birth, ref) >= 18 && !m.relation.equals(PARENT)
                    && m.joined < q.firstDay()) {
                leaver = m;
                break;
            }
        }
        if (leaver == null) {
            return null;
        }
        leaver.left = q.firstDay() + 1 + rnd.nextLong(q.lastDay() - q.firstDay() - 1);
        leaver.carer = false;
        return leaver;
    }

    private static String genderForm(String surname, boolean male) {
        for (String[][] table : new String[][][] {Names.KAZAKH_SURNAMES, Names.RUSSIAN_SURNAMES, Names.ODD_SURNAMES}) {
            for (String[] pair : table) {
                if (pair[0].equals(surname) || pair[1].equals(surname)) {
                    return pair[male ? 0 : 1];
                }
            }
        }
        return surname;
    }

    // ------------------------------------------------------------------ incomes

    private long tenge(int low, int high, double level) {
        long t = (long) ((low + rnd.nextInt(high - low + 1)) * level);
        return Math.max(100, t) * 100 + (rnd.nextDouble() < 0.5 ? 0 : rnd.nextInt(100));
    }

    private static boolean has(Household h, Member m, String type) {
        for (Stream s : h.streams) {
            if (s.member == m && s.type.equals(type)) {
                return true;
            }
        }
        return false;
    }

    Stream addStream(Household h, Member m, String type, long cents, double monthShare, double variation) {
        if (has(h, m, type)) {
            return null;
        }
        Stream s = new Stream(m, type, cents);
        s.monthShare = monthShare;
        s.variation = variation;
        s.whole = cents % 100 == 0;
        h.streams.add(s);
        if (type.equals("WAGE")) {
            m.employed = true;
        }
        return s;
    }

    void buildStreams(Household h) {
        if (rnd.nextDouble() < zeroIncomeShare) {
            return;
        }
        long ref = ref();
        double l = h.level;
        int children = 0;
        Member mother = null;
        for (Member m : h.members) {
            int age = age(m.birth, ref);
            if (age < 18) {
                children++;
            } else if (!m.male && (m.relation.equals(HEAD) || m.relation.equals(SPOUSE))) {
                mother = m;
            }
            if (age >= 18) {
                if (m.pensioner) {
                    if (rnd.nextDouble() < 0.95) {
                        addStream(h, m, "PENSION", tenge(25_000, 45_000, 1.0), 1.0, 0);
                    }
                } else if (m.student) {
                    if (rnd.nextDouble() < 0.7) {
                        addStream(h, m, "SCHOLARSHIP", tenge(18_000, 22_000, 1.0), 0.95, 0);
                    }
                    if (rnd.nextDouble() < 0.15) {
                        addStream(h, m, "WAGE", tenge(10_000, 30_000, l), 0.7, 0.2);
                    }
                } else if (m.carer) {
                    if (rnd.nextDouble() < 0.15) {
                        addStream(h, m, "WAGE", tenge(15_000, 40_000, l), 0.85, 0.12);
                    }
                } else {
                    double r = rnd.nextDouble();
                    if (r < 0.62) {
                        addStream(h, m, "WAGE", tenge(20_000, 75_000, l), 0.95, 0.12);
                        if (rnd.nextDouble() < 0.1) {
                            addStream(h, m, "SELF_EMPLOYMENT", tenge(5_000, 30_000, l), 0.7, 0.3);
                        }
                    } else if (r < 0.76) {
                        addStream(h, m, "SELF_EMPLOYMENT", tenge(8_000, 60_000, l), 0.8, 0.3);
                    } else if (r < 0.83) {
                        addStream(h, m, "UNEMPLOYMENT_BENEFIT", tenge(12_000, 25_000, 1.0), 0.9, 0);
                    }
                    if (!h.urban && (m.relation.equals(HEAD) || m.relation.equals(SPOUSE)) && rnd.nextDouble() < 0.45) {
                        addStream(h, m, "SUBSIDIARY_FARMING", tenge(4_000, 25_000, l), 0.85, 0.3);
                    }
                }
            }
            if (m.disability > 0 && rnd.nextDouble() < 0.9) {
                addStream(h, m, "DISABILITY_BENEFIT", tenge(18_000, 40_000, 1.0), 1.0, 0);
            }
        }
        Member head = h.head();
        if (children > 0 && rnd.nextDouble() < 0.9) {
            long perChild = 1_600 + rnd.nextInt(800);
            addStream(h, mother != null ? mother : head, "CHILD_BENEFIT", perChild * children * 100, 1.0, 0);
        }
        if (rnd.nextDouble() < 0.35) {
            addStream(h, head, "HOUSING_AID", tenge(2_000, 9_000, 1.0), 0.9, 0.1);
        }
        boolean hasSpouse = h.members.size() > 1 && h.members.get(1).relation.equals(SPOUSE);
        if (!hasSpouse && children > 0 && rnd.nextDouble() < 0.3) {
            addStream(h, head, "ALIMONY", tenge(8_000, 30_000, 1.0), 0.85, 0.1);
        }
        if (l < 0.7 && rnd.nextDouble() < 0.4) {
            addStream(h, head, "ASP", tenge(5_000, 25_000, 1.0), 1.0, 0);
        }
        if (h.contract != null && !h.contract.status.equals("DECLINED") && rnd.nextDouble() < 0.4) {
            addStream(h, head, "CCA", tenge(10_000, 40_000, 1.0), 0.9, 0);
        }
        if (rnd.nextDouble() < 0.06) {
            Member m = h.members.get(rnd.nextInt(h.members.size()));
            Stream s = addStream(h, m, "ONE_OFF", tenge(20_000, 100_000, 1.0), 1.0, 0);
            if (s != null) {
                s.oneOff = true;
            }
        }
        if (rnd.nextDouble() < 0.2) {
            addStream(h, h.members.get(rnd.nextInt(h.members.size())), "OTHER", tenge(2_000, 20_000, l), 0.7, 0.3);
        }
    }

    /** Income and monitoring rows of the income quarter {@code q}, replacing any earlier ones. */
    void drawQuarterRows(Household h, QuarterMonths q) {
        h.incomes.clear();
        for (Stream s : h.streams) {
            Member m = s.member;
            int oneOffMonth = s.oneOff ? rnd.nextInt(3) : -1;
            for (int i = 0; i < 3; i++) {
                int month = q.month(i);
                if (m.joined > Dates.lastDay(month) || (m.left != Dates.NONE && m.left < Dates.firstDay(month))) {
                    continue;
                }
                if (s.oneOff ? i != oneOffMonth : rnd.nextDouble() >= s.monthShare) {
                    continue;
                }
                long cents = s.baseCents;
                if (s.variation > 0) {
                    cents = Math.round(cents * (1 + s.variation * (2 * rnd.nextDouble() - 1)));
                }
                if (s.whole) {
                    cents = Math.round(cents / 100.0) * 100;
                }
                cents = Math.max(cents, 100);
                h.incomes.add(new IncomeRow(m, month, s.type, cents, amount(cents, s.whole)));
            }
        }
        drawMonitoring(h, q);
    }

    void drawMonitoring(Household h, QuarterMonths q) {
        h.monitoring.clear();
        Contract c = h.contract;
        if (c == null || c.status.equals("DECLINED")) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            int month = q.month(i);
            if (!c.inForce(month)) {
                continue;
            }
            for (Obligation o : h.obligations) {
                if (rnd.nextDouble() < missingReportShare) {
                    continue;
                }
                double r = rnd.nextDouble();
                String outcome = r < notMetShare ? "NOT_MET" : r < notMetShare + excusedShare ? "EXCUSED" : "MET";
                String purpose = null;
                if (o.type.equals("SPENDING_REPORT")) {
                    double p = rnd.nextDouble();
                    if (p < forbiddenPurposeShare) {
                        purpose = Names.pick(rnd, FORBIDDEN_PURPOSES);
                    } else if (p >= 0.10) {
                        purpose = Names.pick(rnd, ALLOWED_PURPOSES);
                    }
                }
                h.monitoring.add(new MonitoringRow(o, month, outcome, purpose));
            }
        }
    }

    static String amount(long cents, boolean whole) {
        StringBuilder sb = new StringBuilder(12);
        sb.append(cents / 100);
        if (!whole || cents % 100 != 0) {
            sb.append('.');
            Dates.append2(sb, (int) (cents % 100));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ contracts

    private Contract drawContract() {
        Contract c = new Contract();
        c.id = nextContractId();
        c.mode = rnd.nextDouble() < lumpSumShare ? "LUMP_SUM" : "MONTHLY";
        if (rnd.nextDouble() < declinedShare) {
            c.status = "DECLINED";
            return c;
        }
        int startMonth = quarter.firstMonth() - 5 + rnd.nextInt(9);
        setDates(c, startMonth, 6);
        c.status = "ACTIVE";
        double r = rnd.nextDouble();
        if (Dates.absMonth(c.end) <= quarter.lastMonth() && r < 0.5) {
            c.status = "COMPLETED";
        } else if (r > 0.98 && startMonth < quarter.lastMonth()) {
            c.status = "TERMINATED";
            int last = Math.max(startMonth, quarter.firstMonth() - 1) + rnd.nextInt(2);
            c.end = Dates.lastDay(Math.min(last, startMonth + 5));
        }
        return c;
    }

    void setDates(Contract c, int startMonth, int months) {
        c.start = Dates.firstDay(startMonth);
        c.end = Dates.lastDay(startMonth + months - 1);
        c.signed = c.start - rnd.nextInt(21);
    }

    Contract newContract(String mode, String status, int startMonth, int months) {
        Contract c = new Contract();
        c.id = nextContractId();
        c.mode = mode;
        c.status = status;
        if (startMonth >= 0) {
            setDates(c, startMonth, months);
        }
        return c;
    }

    static boolean exemptFromWork(Member m, long ref) {
        return age(m.birth, ref) < 18 || m.pensioner || m.disability == 1 || m.disability == 2 || m.student
                || m.carer;
    }

    /** The family plan of the contract, from the members counted on the first day of the benefit quarter. */
    void planObligations(Household h) {
        h.obligations.clear();
        Contract c = h.contract;
        if (c == null || c.status.equals("DECLINED")) {
            return;
        }
        long ref = ref();
        for (Member m : h.members) {
            if (!m.memberOn(ref)) {
                continue;
            }
            int age = age(m.birth, ref);
            if (age >= 18) {
                if (!exemptFromWork(m, ref)) {
                    if (m.employed) {
                        if (rnd.nextDouble() < 0.4) {
                            h.obligations.add(new Obligation(m, "TRAINING"));
                        }
                    } else {
                        double r = rnd.nextDouble();
                        h.obligations.add(new Obligation(m, r < 0.5 ? "JOB_SEARCH" : r < 0.75 ? "TRAINING" : "EMPLOYMENT"));
                    }
                } else if (rnd.nextDouble() < 0.1) {
                    h.obligations.add(new Obligation(m, "MEDICAL_CHECKUP"));
                }
            } else if (age >= 6) {
                if (rnd.nextDouble() < 0.95) {
                    h.obligations.add(new Obligation(m, "SCHOOL_ATTENDANCE"));
                }
            } else if (age < 3 && rnd.nextDouble() < 0.25) {
                h.obligations.add(new Obligation(m, "MEDICAL_CHECKUP"));
            }
        }
        if (c.mode.equals("LUMP_SUM")) {
            h.obligations.add(new Obligation(h.head(), "SPENDING_REPORT"));
        }
        if (h.obligations.isEmpty()) {
            h.obligations.add(new Obligation(h.head(), "MEDICAL_CHECKUP"));
        }
    }

    // ------------------------------------------------------------------ bad rows

    private IncomeRow someIncome(Household h, QuarterMonths q) {
        if (h.incomes.isEmpty()) {
            Member head = h.head();
            long cents = tenge(15_000, 40_000, 1.0) / 100 * 100;
            h.incomes.add(new IncomeRow(head, q.month(0), "WAGE", cents, amount(cents, true)));
        }
        return h.incomes.get(h.incomes.size() / 2);
    }

    /** Makes one of the family's rows deliberately bad; rows of the quarter must have been drawn. */
    void injectBad(Household h, BadRowKind kind, QuarterMonths q) {
        switch (kind) {
            case BAD_IIN_CHECK_DIGIT -> {
                Member pick = null;
                for (int i = h.members.size() - 1; i >= 0 && pick == null; i--) {
                    Member m = h.members.get(i);
                    if (m.bad == null && !hasRows(h, m) && (i > 0 || h.members.size() == 1)) {
                        pick = m;
                    }
                }
                if (pick == null) {
                    pick = h.members.get(h.members.size() - 1);
                }
                pick.iin = Iin.withWrongCheckDigit(pick.iin);
                pick.bad = kind;
            }
            case AMOUNT_WITH_COMMA -> {
                IncomeRow r = someIncome(h, q);
                r.amount = (r.cents / 100) + "," + (r.cents % 100 < 10 ? "0" : "") + (r.cents % 100);
                r.bad = kind;
            }
            case TOO_MANY_DECIMALS -> {
                IncomeRow r = someIncome(h, q);
                r.amount = amount(r.cents, false) + (1 + rnd.nextInt(9));
                r.bad = kind;
            }
            case DUPLICATE_INCOME -> {
                IncomeRow r = someIncome(h, q);
                IncomeRow dup = r.copy();
                dup.bad = kind;
                h.incomes.add(h.incomes.indexOf(r) + 1, dup);
            }
            case UNKNOWN_INCOME_TYPE -> {
                IncomeRow r = someIncome(h, q);
                r.type = "BONUS";
                r.bad = kind;
            }
            case MONTH_OUTSIDE_QUARTER -> {
                IncomeRow r = someIncome(h, q);
                r.month = q.firstMonth() - 1;
                r.bad = kind;
            }
            case UNKNOWN_REGION -> {
                h.region = 99;
                h.bad = kind;
            }
            case MISALIGNED_CONTRACT_START -> {
                if (h.contract == null || h.contract.status.equals("DECLINED")) {
                    Contract c = new Contract();
                    c.id = h.contract == null ? nextContractId() : h.contract.id;
                    c.mode = "MONTHLY";
                    c.status = "ACTIVE";
                    setDates(c, q.firstMonth(), 6);
                    h.contract = c;
                    h.obligations.clear();
                    h.monitoring.clear();
                }
                h.contract.start += 14;
                h.contract.signed = Math.min(h.contract.signed, h.contract.start);
                h.contract.bad = kind;
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private static boolean hasRows(Household h, Member m) {
        for (IncomeRow r : h.incomes) {
            if (r.member == m) {
                return true;
            }
        }
        for (Obligation o : h.obligations) {
            if (o.member == m) {
                return true;
            }
        }
        return false;
    }
}
