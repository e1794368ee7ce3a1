package kz.orleu.benefits.entitlement;

import kz.orleu.benefits.codes.PaymentMode;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.quarter.Quarter;

/**
 * Who gets which benefit, month by month, and how much: the means test of {@code domain.md} and the payment
 * months and decision codes of {@code contracts.md}. Pure: values in, values out.
 */
public final class EntitlementCalculator {

    private final Quarter benefitQuarter;
    private final BigDecimal aspShare;
    private final BigDecimal ccaShare;

    public EntitlementCalculator(Quarter benefitQuarter, BigDecimal aspShare, BigDecimal ccaShare) {
        this.benefitQuarter = benefitQuarter;
        this.aspShare = aspShare;
        this.ccaShare = ccaShare;
    }

    public Entitlement calculate(FamilyCase family) {
        if (family.incomplete()) {
            return notComputed(family, Decision.INCOMPLETE_DATA);
        }
        if (!family.declared()) {
            return notComputed(family, Decision.NO_DECLARATION);
        }
        Means means = means(family);
        int members = means.members();
        BigDecimal perCapita = means.perCapita();
        boolean belowCca = means.belowCca();
        long aspMonthly = means.aspMonthly();
        long ccaMonthly = means.ccaMonthly();

        List<MonthOutcome> months = months(family.contracts(), means);
        List<Payment> payments = months.stream().map(MonthOutcome::payment).filter(p -> p != null).toList();
        boolean ccaMonth = months.stream().anyMatch(MonthOutcome::ccaMonth);
        boolean aspMonth = months.stream().anyMatch(m -> m.reason() == MonthOutcome.Reason.ASP_MONTHLY);
        boolean lumpSumPaid = months.stream().anyMatch(m -> m.reason() == MonthOutcome.Reason.LUMP_SUM_PAID);
        boolean contractInForce = months.stream().anyMatch(m -> m.contract() != null);

        Benefit benefit = ccaMonth ? Benefit.CCA : aspMonth ? Benefit.ASP : Benefit.NONE;
        long monthly = switch (benefit) {
            case CCA -> ccaMonthly;
            case ASP -> aspMonthly;
            case NONE -> 0;
        };
        boolean terminated = family.contracts().stream().anyMatch(ContractTerm::terminated);
        boolean declined = family.contracts().stream().anyMatch(ContractTerm::declined);
        Decision decision = switch (benefit) {
            case CCA -> lumpSumPaid ? Decision.CCA_LUMP_SUM : Decision.CCA;
            case ASP -> terminated ? Decision.ASP_CONTRACT_TERMINATED
                    : declined ? Decision.ASP_CONTRACT_DECLINED : Decision.ASP;
            case NONE -> belowCca && !contractInForce && !declined && !terminated
                    ? Decision.CCA_CANDIDATE : Decision.ABOVE_LINE;
        };
        long quarterAmount = payments.stream().mapToLong(Payment::amount).sum();
        return new Entitlement(family.familyId(), family.regionCode(), members, family.countedIncome(), perCapita,
                family.subsistenceMinimum(), means.aspLine(), means.ccaLine(), benefit, monthly, quarterAmount, decision,
                family.previousBenefit(), family.previousMonthlyAmount(),
                change(family, benefit, monthly), List.copyOf(payments));
    }

    /**
     * Each month of the benefit quarter and why it is paid as it is: the facts {@link #calculate} pays from,
     * exposed for the decision record of an appeal.
     */
    public List<MonthOutcome> months(FamilyCase family) {
        if (family.incomplete() || !family.declared()) {
            return benefitQuarter.months().stream()
                    .map(month -> new MonthOutcome(month, MonthOutcome.Reason.NOT_COMPUTED, null, null)).toList();
        }
        return months(family.contracts(), means(family));
    }

    /** The means test of a computed family: its lines, per-capita income and both monthly amounts. */
    private record Means(int members, BigDecimal aspLine, BigDecimal ccaLine, BigDecimal perCapita, boolean belowAsp,
            boolean belowCca, long aspMonthly, long ccaMonthly) {
    }

    private Means means(FamilyCase family) {
        int members = family.membersCounted();
        BigDecimal aspLine = MeansTest.line(family.subsistenceMinimum(), aspShare);
        BigDecimal ccaLine = MeansTest.line(family.subsistenceMinimum(), ccaShare);
        BigDecimal perCapita = MeansTest.perCapita(family.countedIncome(), members);
        boolean belowAsp = MeansTest.below(perCapita, aspLine);
        boolean belowCca = MeansTest.below(perCapita, ccaLine);
        return new Means(members, aspLine, ccaLine, perCapita, belowAsp, belowCca,
                belowAsp ? MeansTest.monthly(aspLine, perCapita, members) : 0,
                belowCca ? MeansTest.monthly(ccaLine, perCapita, members) : 0);
    }

    private List<MonthOutcome> months(List<ContractTerm> contracts, Means means) {
        boolean belowAsp = means.belowAsp();
        boolean belowCca = means.belowCca();
        long aspMonthly = means.aspMonthly();
        long ccaMonthly = means.ccaMonthly();
        List<MonthOutcome> months = new ArrayList<>(3);
        for (YearMonth month : benefitQuarter.months()) {
            ContractTerm contract = contractInForce(contracts, month);
            if (contract != null) {
                months.add(belowCca ? ccaMonth(contract, month, ccaMonthly)
                        : new MonthOutcome(month, MonthOutcome.Reason.CONTRACT_IN_FORCE_NOT_BELOW_CCA_LINE, contract,
                                null));
            } else if (belowAsp) {
                months.add(new MonthOutcome(month, MonthOutcome.Reason.ASP_MONTHLY, null,
                        new Payment(month, Benefit.ASP, aspMonthly, PaymentKind.MONTHLY)));
            } else {
                months.add(new MonthOutcome(month, MonthOutcome.Reason.NOT_BELOW_ASP_LINE, null, null));
            }
        }
        return months;
    }

    /**
     * A LUMP_SUM contract pays three months at once in its start month, nothing in its second and third months,
     * and monthly from its fourth month on.
     */
    private static MonthOutcome ccaMonth(ContractTerm contract, YearMonth month, long ccaMonthly) {
        if (contract.mode() == PaymentMode.MONTHLY) {
            return new MonthOutcome(month, MonthOutcome.Reason.CCA_MONTHLY, contract,
                    new Payment(month, Benefit.CCA, ccaMonthly, PaymentKind.MONTHLY));
        }
        int index = contract.monthIndex(month);
        if (index == 0) {
            return new MonthOutcome(month, MonthOutcome.Reason.LUMP_SUM_PAID, contract,
                    new Payment(month, Benefit.CCA, ccaMonthly * 3, PaymentKind.LUMP_SUM));
        }
        if (index < 3) {
            return new MonthOutcome(month, MonthOutcome.Reason.LUMP_SUM_COVERED, contract, null);
        }
        return new MonthOutcome(month, MonthOutcome.Reason.CCA_MONTHLY, contract,
                new Payment(month, Benefit.CCA, ccaMonthly, PaymentKind.MONTHLY));
    }

    private static ContractTerm contractInForce(List<ContractTerm> contracts, YearMonth month) {
        for (ContractTerm contract : contracts) {
            if (contract.inForce(month)) {
                return contract;
            }
        }
        return null;
    }

    private Entitlement notComputed(FamilyCase family, Decision decision) {
        return new Entitlement(family.familyId(), family.regionCode(), null, null, null,
                family.subsistenceMinimum(), null, null, Benefit.NONE, 0, 0, decision,
                family.previousBenefit(), family.previousMonthlyAmount(), change(family, Benefit.NONE, 0), List.of());
    }

    private static Change change(FamilyCase family, Benefit benefit, long monthly) {
        long previousMonthly = family.previousMonthlyAmount() == null ? 0 : family.previousMonthlyAmount();
        return Change.between(family.previousBenefit(), previousMonthly, benefit, monthly);
    }
}
