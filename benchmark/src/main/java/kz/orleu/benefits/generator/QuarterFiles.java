package kz.orleu.benefits.generator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.orleu.benefits.generator.Household.Contract;
import kz.orleu.benefits.generator.Household.IncomeRow;
import kz.orleu.benefits.generator.Household.Member;
import kz.orleu.benefits.generator.Household.MonitoringRow;
import kz.orleu.benefits.generator.Household.Obligation;

/** The six per-family files of an income-quarter folder, written family by family. */
final class QuarterFiles implements Closeable {

    static final String FAMILIES = "families.csv";
    static final String MEMBERS = "members.csv";
    static final String INCOMES = "incomes.csv";
    static final String CONTRACTS = "contracts.csv";
    static final String OBLIGATIONS = "obligations.csv";
    static final String MONITORING = "monitoring.csv";
    static final String SUBSISTENCE_MINIMUM = "subsistence-minimum.csv";

    static final String FAMILIES_HEADER = "family_id,region_code,district,settlement,declared_on";
    static final String MEMBERS_HEADER = "family_id,iin,last_name,first_name,birth_date,relation,disability_group,"
            + "pensioner,student,carer,employed,joined_on,left_on";
    static final String INCOMES_HEADER = "family_id,iin,month,income_type,amount";
    static final String CONTRACTS_HEADER = "contract_id,family_id,signed_on,start_date,end_date,payment_mode,status";
    static final String OBLIGATIONS_HEADER = "contract_id,iin,obligation";
    static final String MONITORING_HEADER = "contract_id,iin,month,obligation,outcome,spending_purpose";
    static final String SUBSISTENCE_MINIMUM_HEADER = "region_code,quarter,amount";

    private final CsvOut families;
    private final CsvOut members;
    private final CsvOut incomes;
    private final CsvOut contracts;
    private final CsvOut obligations;
    private final CsvOut monitoring;
    private final List<BadRow> badRows = new ArrayList<>();

    QuarterFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<CsvOut> opened = new ArrayList<>();
        try {
            families = add(opened, new CsvOut(dir, FAMILIES, FAMILIES_HEADER));
            members = add(opened, new CsvOut(dir, MEMBERS, MEMBERS_HEADER));
            incomes = add(opened, new CsvOut(dir, INCOMES, INCOMES_HEADER));
            contracts = add(opened, new CsvOut(dir, CONTRACTS, CONTRACTS_HEADER));
            obligations = add(opened, new CsvOut(dir, OBLIGATIONS, OBLIGATIONS_HEADER));
            monitoring = add(opened, new CsvOut(dir, MONITORING, MONITORING_HEADER));
        } catch (IOException | RuntimeException e) {
            for (CsvOut o : opened) {
                try {
                    o.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static CsvOut add(List<CsvOut> opened, CsvOut out) {
        opened.add(out);
        return out;
    }

    void write(Household h) throws IOException {
        families.plain(h.familyId).number(h.region).field(h.district).plain(h.urban ? "URBAN" : "RURAL")
                .date(h.declaredOn);
        long line = families.end();
        if (h.bad != null) {
            badRows.add(new BadRow(FAMILIES, line, h.familyId, h.bad, Integer.toString(h.region)));
        }
        for (Member m : h.members) {
            members.plain(h.familyId).plain(m.iin).field(m.lastName).field(m.firstName).date(m.birth)
                    .plain(m.relation).plain(m.disability == 0 ? "" : Integer.toString(m.disability))
                    .bool(m.pensioner).bool(m.student).bool(m.carer).bool(m.employed).date(m.joined).date(m.left);
            line = members.end();
            if (m.bad != null) {
                badRows.add(new BadRow(MEMBERS, line, h.familyId, m.bad, m.iin));
            }
        }
        for (IncomeRow r : h.incomes) {
            incomes.plain(h.familyId).plain(r.member.iin).month(r.month).field(r.type).field(r.amount);
            line = incomes.end();
            if (r.bad != null) {
                String value = switch (r.bad) {
                    case UNKNOWN_INCOME_TYPE -> r.type;
                    case MONTH_OUTSIDE_QUARTER -> Dates.month(r.month);
                    case DUPLICATE_INCOME -> r.member.iin + " " + Dates.month(r.month) + " " + r.type;
                    default -> r.amount;
                };
                badRows.add(new BadRow(INCOMES, line, h.familyId, r.bad, value));
            }
        }
        Contract c = h.contract;
        if (c != null) {
            contracts.plain(c.id).plain(h.familyId).date(c.signed).date(c.start).date(c.end).plain(c.mode)
                    .plain(c.status);
            line = contracts.end();
            if (c.bad != null) {
                badRows.add(new BadRow(CONTRACTS, line, h.familyId, c.bad, Dates.date(c.start)));
            }
            for (Obligation o : h.obligations) {
                obligations.plain(c.id).plain(o.member.iin).plain(o.type);
                obligations.end();
            }
            for (MonitoringRow r : h.monitoring) {
                monitoring.plain(c.id).plain(r.obligation.member.iin).month(r.month).plain(r.obligation.type)
                        .plain(r.outcome).plain(r.purpose);
                monitoring.end();
            }
        }
    }

    List<BadRow> badRows() {
        return badRows;
    }

    long[] rowCounts() {
        return new long[] {families.rows(), members.rows(), incomes.rows(), contracts.rows(), obligations.rows(),
            monitoring.rows()};
    }

    static void writeSubsistenceMinimum(Path dir, List<Integer> regions, QuarterMonths q) throws IOException {
        try (CsvOut out = new CsvOut(dir, SUBSISTENCE_MINIMUM, SUBSISTENCE_MINIMUM_HEADER)) {
            for (int region : regions) {
                out.number(region).plain(q.toString()).plain(HouseholdFactory.amount(SubsistenceMinimum.cents(region, q), false));
                out.end();
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvOut o : new CsvOut[] {families, members, incomes, contracts, obligations, monitoring}) {
            try {
                o.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
