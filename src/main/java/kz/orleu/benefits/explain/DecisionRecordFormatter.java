package kz.orleu.benefits.explain;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kz.orleu.benefits.entitlement.ContractTerm;
import kz.orleu.benefits.entitlement.Decision;
import kz.orleu.benefits.entitlement.Entitlement;
import kz.orleu.benefits.entitlement.MeansTest;
import kz.orleu.benefits.entitlement.MonthOutcome;
import kz.orleu.benefits.entitlement.Payment;
import kz.orleu.benefits.explain.DecisionRecord.RowNote;

/**
 * Prints a decision record the way a caseworker answers an appeal: the region by name, the means test worked with
 * the family's own numbers as {@code domain.md} writes it, each month of the benefit quarter with its reason, the
 * contract's findings and sanctions, and every warning and reject of the family's rows. Plain Java: no database.
 */
public final class DecisionRecordFormatter {

    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);
    private static final String[] ORDINAL = {"first", "second", "third"};

    private DecisionRecordFormatter() {
    }

    public static String format(DecisionRecord record) {
        StringBuilder out = new StringBuilder();
        Entitlement e = record.entitlement();
        out.append("Decision record: family ").append(record.familyId()).append(", benefit quarter ")
                .append(record.benefitQuarter()).append(" (income quarter ").append(record.incomeQuarter())
                .append("), version ").append(record.version()).append(" (run ").append(record.runId()).append(")\n");
        out.append("Rules: ").append(record.ruleSet()).append('\n');
        out.append("Region ").append(e.regionCode());
        if (record.region() != null) {
            out.append(' ').append(record.region().nameEn()).append(" (").append(record.region().nameKk())
                    .append(" / ").append(record.region().nameRu()).append(')');
        }
        out.append('\n');
        members(record, out);
        incomes(record, out);
        meansTest(record, out);
        contracts(record, out);
        months(record, out);
        out.append(String.format("Decision %s: benefit %s, %s a month, %s in the quarter; change %s (previous: %s)%n",
                e.decision(), e.benefit(), tenge(e.monthlyAmount()), tenge(e.quarterAmount()), e.change(),
                e.previousBenefit() == null ? "nothing"
                        : e.previousBenefit() + (e.previousMonthlyAmount() == null ? ""
                                : " " + tenge(e.previousMonthlyAmount()) + " a month")));
        findings(record, out);
        sanctions(record, out);
        notes("Warnings", record.warnings(), out);
        rejects(record.rejects(), out);
        return out.toString();
    }

    /** The rejects of a family that has no entitlement row (its own row was rejected), each under its file. */
    public static String rejects(List<RowNote> rejects) {
        StringBuilder out = new StringBuilder();
        rejects(rejects, out);
        return out.toString();
    }

    private static void members(DecisionRecord record, StringBuilder out) {
        out.append("Members on ").append(record.benefitQuarter().firstDay()).append(":\n");
        for (DecisionRecord.MemberLine m : record.members()) {
            out.append(String.format("  %s %s %s (%s): %s%n", m.iin(), m.lastName(), m.firstName(), m.relation(),
                    m.counted() ? "counted" : "not counted (joined " + m.joinedOn() + ", left "
                            + (m.leftOn() == null ? "-" : m.leftOn()) + ")"));
        }
    }

    private static void incomes(DecisionRecord record, StringBuilder out) {
        out.append("Incomes of the income quarter ").append(record.incomeQuarter()).append(":\n");
        for (DecisionRecord.IncomeLine i : record.incomes()) {
            String why = !i.typeCounted() ? "not counted: income type not counted"
                    : !i.memberCounted() ? "not counted: member not counted" : "counted";
            out.append(String.format("  %s %s %-20s %15s  %s%n", i.iin(), i.month(), i.incomeType(), money(i.amount()),
                    why));
        }
    }

    private static void meansTest(DecisionRecord record, StringBuilder out) {
        Entitlement e = record.entitlement();
        if (e.members() == null) {
            out.append("Means test: not computed (").append(notComputed(record)).append(")\n");
            return;
        }
        out.append("Means test:\n");
        out.append(String.format("  per-capita %s / 3 / %d = %s%n", money(e.countedIncome()), e.members(),
                money(e.perCapitaIncome())));
        line("ASP", e.subsistenceMinimum(), record.aspShare(), e.aspLine(), e.perCapitaIncome(), out);
        line("CCA", e.subsistenceMinimum(), record.ccaShare(), e.ccaLine(), e.perCapitaIncome(), out);
        // The monthly amount of each benefit some month of the quarter is paid under, with the line of that benefit.
        if (record.months().stream().anyMatch(m -> m.reason() == MonthOutcome.Reason.ASP_MONTHLY)) {
            monthly("ASP", e.aspLine(), e, out);
        }
        if (record.months().stream().anyMatch(MonthOutcome::ccaMonth)) {
            monthly("CCA", e.ccaLine(), e, out);
        }
    }

    private static void line(String benefit, BigDecimal minimum, BigDecimal share, BigDecimal line,
            BigDecimal perCapita, StringBuilder out) {
        out.append(String.format("  %s line %s × %s %% = %s: per-capita %s is %s%n", benefit, money(minimum),
                share.movePointRight(2).stripTrailingZeros().toPlainString(), money(line), money(perCapita),
                MeansTest.below(perCapita, line) ? "below it" : "not below it (eligible strictly below only)"));
    }

    private static void monthly(String benefit, BigDecimal line, Entitlement e, StringBuilder out) {
        out.append(String.format("  %s monthly (%s − %s) × %d = %s%n", benefit, money(line), money(e.perCapitaIncome()),
                e.members(), tenge(MeansTest.monthly(line, e.perCapitaIncome(), e.members()))));
    }

    private static void contracts(DecisionRecord record, StringBuilder out) {
        out.append("Contracts:");
        if (record.contracts().isEmpty()) {
            out.append(" none\n");
            return;
        }
        out.append('\n');
        for (ContractTerm c : record.contracts()) {
            out.append(String.format("  %s %s..%s %s %s%s%n", c.contractId(), c.startMonth(), c.endMonth(), c.mode(),
                    c.status(), c.terminatedFrom() == null ? ""
                            : ", terminated by this system from " + c.terminatedFrom()));
        }
    }

    private static void months(DecisionRecord record, StringBuilder out) {
        Entitlement e = record.entitlement();
        Map<String, Payment> paid = new LinkedHashMap<>();
        e.payments().forEach(p -> paid.put(p.month().toString(), p));
        out.append("Month by month:\n");
        for (MonthOutcome m : record.months()) {
            Payment payment = paid.get(m.month().toString());
            out.append("  ").append(m.month()).append(' ')
                    .append(payment == null ? "unpaid" : payment.benefit() + " " + tenge(payment.amount()))
                    .append(": ").append(reason(record, m)).append('\n');
            if (!Objects.equals(payment, m.payment())) {
                // The stored payment is what was sent; say so if the rules as coded today would give another.
                out.append("    (recomputed today from the same inputs: ")
                        .append(m.payment() == null ? "unpaid" : m.payment().benefit() + " " + tenge(m.payment().amount()))
                        .append(")\n");
            }
        }
    }

    private static String reason(DecisionRecord record, MonthOutcome m) {
        Entitlement e = record.entitlement();
        ContractTerm c = m.contract();
        return switch (m.reason()) {
            case LUMP_SUM_PAID -> "lump sum paid this month, 3 × " + tenge(m.payment().amount() / 3) + " (contract "
                    + c.contractId() + ", LUMP_SUM, starting " + c.startMonth() + ")";
            case LUMP_SUM_COVERED -> ORDINAL[c.monthIndex(m.month())] + " month of the lump sum of contract "
                    + c.contractId() + " paid in " + c.startMonth() + ": nothing more this month";
            case CCA_MONTHLY -> "contract " + c.contractId() + " in force (" + c.startMonth() + ".." + c.endMonth()
                    + (c.mode() == PaymentMode.LUMP_SUM ? ", monthly from the fourth month of its lump sum"
                            : "")
                    + ") and per-capita " + money(e.perCapitaIncome()) + " below the CCA line " + money(e.ccaLine());
            case CONTRACT_IN_FORCE_NOT_BELOW_CCA_LINE -> "contract " + c.contractId() + " in force, but per-capita "
                    + money(e.perCapitaIncome()) + " is not below the CCA line " + money(e.ccaLine())
                    + " (no ASP in a month with a contract in force)";
            case ASP_MONTHLY -> "no contract in force (" + notInForce(record, m) + ") and per-capita "
                    + money(e.perCapitaIncome()) + " below the ASP line " + money(e.aspLine());
            case NOT_BELOW_ASP_LINE -> "no contract in force (" + notInForce(record, m) + ") and per-capita "
                    + money(e.perCapitaIncome()) + " is not below the ASP line " + money(e.aspLine());
            case NOT_COMPUTED -> "not computed, " + notComputed(record);
        };
    }

    /** Why each of the family's contracts is not in force in the month, from {@link ContractTerm#outOfForce}. */
    private static String notInForce(DecisionRecord record, MonthOutcome m) {
        if (record.contracts().isEmpty()) {
            return "the family has no contract";
        }
        List<String> reasons = new ArrayList<>();
        for (ContractTerm c : record.contracts()) {
            ContractTerm.OutOfForce why = c.outOfForce(m.month());
            reasons.add(c.contractId() + " " + switch (why) {
                case DECLINED -> "declined";
                case UNDATED -> "has no start or end";
                case BEFORE_START -> "starts only in " + c.startMonth();
                case AFTER_END -> (c.status() == ContractStatus.TERMINATED
                        ? "terminated by the department, ended " : "ended ") + c.endMonth();
                case TERMINATED_BY_THIS_SYSTEM -> "terminated by this system from " + c.terminatedFrom()
                        + " (see the sanction history)";
            });
        }
        return String.join("; ", reasons);
    }

    private static String notComputed(DecisionRecord record) {
        Decision decision = record.entitlement().decision();
        if (decision == Decision.NO_DECLARATION) {
            return "NO_DECLARATION: declared_on is empty in families.csv";
        }
        return record.rejects().isEmpty()
                ? "INCOMPLETE_DATA: no member is counted on " + record.benefitQuarter().firstDay()
                : "INCOMPLETE_DATA: a rejected row belongs to the family, see Rejects";
    }

    private static void findings(DecisionRecord record, StringBuilder out) {
        out.append("Findings this quarter:");
        if (record.findings().isEmpty()) {
            out.append(" none\n");
            return;
        }
        out.append('\n');
        for (DecisionRecord.FindingLine f : record.findings()) {
            out.append(String.format("  contract %s, member %s, %s: %s in %s%n", f.contractId(), f.iin(), f.obligation(),
                    f.finding(), f.months()));
        }
    }

    private static void sanctions(DecisionRecord record, StringBuilder out) {
        out.append("Sanction history:");
        if (record.sanctions().isEmpty()) {
            out.append(" no failed contract\n");
            return;
        }
        out.append('\n');
        for (DecisionRecord.SanctionLine s : record.sanctions()) {
            out.append(String.format("  %s version %d%s: contract %s failure %d, %s%n", s.benefitQuarter(), s.version(),
                    s.thisVersion() ? " (this version)" : "", s.contractId(), s.failureNumber(), s.sanction()));
        }
    }

    private static void notes(String title, List<RowNote> notes, StringBuilder out) {
        out.append(title).append(':');
        if (notes.isEmpty()) {
            out.append(" none\n");
            return;
        }
        out.append('\n');
        for (RowNote n : notes) {
            out.append("  ").append(n.file() == null ? "this run" : n.file() + " line " + n.line());
            out.append(describe(n)).append('\n');
        }
    }

    private static void rejects(List<RowNote> rejects, StringBuilder out) {
        out.append("Rejects:");
        if (rejects.isEmpty()) {
            out.append(" none\n");
            return;
        }
        out.append('\n');
        String file = null;
        for (RowNote r : rejects) {
            if (!r.file().equals(file)) {
                file = r.file();
                out.append("  ").append(file).append(":\n");
            }
            out.append("    line ").append(r.line()).append(describe(r)).append('\n');
        }
    }

    private static String describe(RowNote n) {
        return (n.column() == null ? "" : ", column " + n.column())
                + (n.value() == null ? "" : ", value `" + n.value() + "`")
                + ": " + n.reason() + " (" + n.message() + ")";
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "-" : new DecimalFormat("#,##0.00", US).format(amount);
    }

    private static String tenge(long amount) {
        return new DecimalFormat("#,##0", US).format(amount);
    }
}
