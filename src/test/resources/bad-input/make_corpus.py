#!/usr/bin/env python3
"""Writes the bad-input corpus: a valid base quarter and one folder per kind of bad input.

Each case folder holds only the files it replaces (byte for byte) and `expect.txt`:
  REJECT <file> <line> <REASON>    a rejected row, exactly these and no others
  DECISION <family> <DECISION>      the family's decision in entitlements
  EXIT2 <fragment>                  the run stops with exit 2 before anything is written
  DELETE <file>                     remove that file of the base quarter
  WARN <file> <line> <REASON>       a warning that must be recorded
  PAID <family> <BENEFIT> <amount>  the family's benefit and quarter amount in entitlements
  FINDING <contract> <iin> <obligation> <FINDING> <months> <SANCTION>
                                    a compliance finding; when any is given, the findings are exactly these
Run from this folder: python3 make_corpus.py
"""
import os, shutil

H = {
 "families.csv": "family_id,region_code,district,settlement,declared_on",
 "members.csv": "family_id,iin,last_name,first_name,birth_date,relation,disability_group,pensioner,student,carer,employed,joined_on,left_on",
 "incomes.csv": "family_id,iin,month,income_type,amount",
 "contracts.csv": "contract_id,family_id,signed_on,start_date,end_date,payment_mode,status",
 "obligations.csv": "contract_id,iin,obligation",
 "monitoring.csv": "contract_id,iin,month,obligation,outcome,spending_purpose",
}
BASE = {
 "families.csv": ["F1,11,Зеренді ауданы,RURAL,2016-03-20",
                  "F2,31,Шу ауданы,URBAN,2016-03-20",
                  "F3,11,Бурабай ауданы,RURAL,2016-03-20"],
 "members.csv": ["F1,800101310003,Ахметов,Серік,1980-01-01,HEAD,,false,false,false,true,2010-01-01,",
                 "F1,820202410002,Ахметова,Айгүл,1982-02-02,SPOUSE,,false,false,true,false,2010-01-01,",
                 "F1,100303510008,Ахметов,Ерлан,2010-03-03,CHILD,,false,false,false,false,2010-03-03,",
                 "F2,500505310007,Иванов,\"Пётр, старший\",1950-05-05,HEAD,2,true,false,false,false,2010-01-01,",
                 "F2,120404610007,Иванова,Мария,2012-04-04,CHILD,,false,false,false,false,2012-04-04,",
                 "F3,900606410006,Сейітова,Дана,1990-06-06,HEAD,,false,false,false,false,2010-01-01,",
                 "F3,050707510002,Сейітов,Арман,2005-07-07,CHILD,,false,true,false,false,2010-01-01,"],
 "incomes.csv": ["F1,800101310003,2016-01,WAGE,30000",
                 "F1,800101310003,2016-02,WAGE,30000",
                 "F1,800101310003,2016-03,WAGE,30000",
                 "F2,500505310007,2016-01,PENSION,25000.50",
                 "F3,900606410006,2016-02,SELF_EMPLOYMENT,12000"],
 "contracts.csv": ["C1,F1,2016-01-01,2016-01-01,2016-06-30,MONTHLY,ACTIVE",
                   "C2,F3,,,,MONTHLY,DECLINED"],
 "obligations.csv": ["C1,800101310003,JOB_SEARCH",
                     "C1,100303510008,SCHOOL_ATTENDANCE"],
 "monitoring.csv": ["C1,800101310003,2016-01,JOB_SEARCH,MET,",
                    "C1,800101310003,2016-02,JOB_SEARCH,MET,",
                    "C1,800101310003,2016-03,JOB_SEARCH,EXCUSED,",
                    "C1,100303510008,2016-01,SCHOOL_ATTENDANCE,MET,",
                    "C1,100303510008,2016-02,SCHOOL_ATTENDANCE,MET,",
                    "C1,100303510008,2016-03,SCHOOL_ATTENDANCE,MET,"],
}

def text(name, rows, eol="\n"):
    return (H[name] + eol + eol.join(rows) + eol).encode("utf-8")

def replaced(name, index, row):
    rows = list(BASE[name]); rows[index] = row; return rows

def added(name, *new):
    return list(BASE[name]) + list(new)

CASES = {}
def case(name, files, *expect):
    CASES[name] = (files, expect)

# whole-file problems: exit 2, nothing written
case("empty-file", {"families.csv": b""}, "EXIT2 families.csv is empty")
case("missing-header-column", {"incomes.csv": ("family_id,iin,month,income_type\n" + "\n".join(r.rsplit(",", 1)[0] for r in BASE["incomes.csv"]) + "\n").encode()}, "EXIT2 incomes.csv: the header lacks the required column(s) amount")
case("windows-1251-bytes", {"members.csv": text("members.csv", BASE["members.csv"]).replace("Ахметов,Серік".encode(), "Ахметов,Серік".encode("cp1251"))}, "EXIT2 members.csv is not UTF-8: invalid byte sequence at byte offset")
case("missing-file", {}, "DELETE obligations.csv", "EXIT2 obligations.csv is missing")
case("missing-subsistence-minimum", {"subsistence-minimum.csv": b"region_code,quarter,amount\n11,2016Q1,22100.00\n"}, "EXIT2 no value for income quarter 2016Q1 for region(s) 31")
case("duplicated-column-in-header", {"families.csv": ("family_id,region_code,district,settlement,declared_on,region_code\n" + "\n".join(r + ",11" for r in BASE["families.csv"]) + "\n").encode()}, "EXIT2 more than once")

# files that are fine as a whole
case("header-only", {"monitoring.csv": (H["monitoring.csv"] + "\n").encode()})
case("byte-order-mark", {"families.csv": b"\xef\xbb\xbf" + text("families.csv", BASE["families.csv"])})
case("crlf-line-ends", {"members.csv": text("members.csv", BASE["members.csv"], "\r\n")})
case("mixed-line-ends", {"incomes.csv": (H["incomes.csv"] + "\r\n" + BASE["incomes.csv"][0] + "\n" + BASE["incomes.csv"][1] + "\r" + BASE["incomes.csv"][2] + "\r\n" + "\n".join(BASE["incomes.csv"][3:]) + "\n").encode()})
case("unknown-extra-column", {"contracts.csv": ("contract_id,family_id,signed_on,start_date,end_date,payment_mode,status,remark\n" + "\n".join(r + ",note" for r in BASE["contracts.csv"]) + "\n").encode()}, "WARN contracts.csv 1 UNKNOWN_COLUMN")
case("quoted-line-break", {"families.csv": text("families.csv", replaced("families.csv", 1, 'F2,31,"Шу\nауданы",URBAN,2016-03-20'))})

# malformed lines: rejected with their line, reading goes on
case("truncated-last-line", {"incomes.csv": text("incomes.csv", BASE["incomes.csv"])[:-12]}, "REJECT incomes.csv 6 MALFORMED_LINE", "DECISION F3 INCOMPLETE_DATA")
case("nul-byte", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 3, "F2,500505310007,2016-01,PENSION,25000\x00.50"))}, "REJECT incomes.csv 5 MALFORMED_LINE", "DECISION F2 INCOMPLETE_DATA")
case("one-megabyte-line", {"incomes.csv": text("incomes.csv", added("incomes.csv", "x" * (1 << 20)))}, "REJECT incomes.csv 7 MALFORMED_LINE")
case("unbalanced-quote", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 1, 'F1,"800101310003,2016-02,WAGE,30000'))}, "REJECT incomes.csv 3 MALFORMED_LINE", "DECISION F1 INCOMPLETE_DATA", "DECISION F2 ASP")
case("missing-column-in-row", {"incomes.csv": text("incomes.csv", added("incomes.csv", "F3,900606410006,2016-03,WAGE"))}, "REJECT incomes.csv 7 MALFORMED_LINE", "DECISION F3 INCOMPLETE_DATA")
case("extra-column-in-row", {"incomes.csv": text("incomes.csv", added("incomes.csv", "F3,900606410006,2016-03,WAGE,100,200"))}, "REJECT incomes.csv 7 MALFORMED_LINE", "DECISION F3 INCOMPLETE_DATA")
case("repeated-header", {"families.csv": text("families.csv", [H["families.csv"]] + BASE["families.csv"])}, "REJECT families.csv 2 REPEATED_HEADER")

# values
case("missing-required-value", {"families.csv": text("families.csv", replaced("families.csv", 2, "F3,11,,RURAL,2016-03-20"))}, "REJECT families.csv 4 MISSING_VALUE",
     "REJECT members.csv 7 UNKNOWN_FAMILY", "REJECT members.csv 8 UNKNOWN_FAMILY", "REJECT incomes.csv 6 UNKNOWN_FAMILY", "REJECT contracts.csv 3 UNKNOWN_FAMILY")
case("bad-boolean", {"members.csv": text("members.csv", replaced("members.csv", 3, "F2,500505310007,Иванов,Пётр,1950-05-05,HEAD,2,yes,false,false,false,2010-01-01,"))}, "REJECT members.csv 5 BAD_BOOLEAN", "REJECT incomes.csv 5 UNKNOWN_MEMBER", "DECISION F2 INCOMPLETE_DATA")
case("impossible-date", {"members.csv": text("members.csv", replaced("members.csv", 4, "F2,120404610007,Иванова,Мария,2016-02-30,CHILD,,false,false,false,false,2012-04-04,"))}, "REJECT members.csv 6 BAD_DATE", "DECISION F2 INCOMPLETE_DATA")
case("bad-month", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, "F3,900606410006,2016-13,SELF_EMPLOYMENT,12000"))}, "REJECT incomes.csv 6 BAD_DATE")
case("month-outside-quarter", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, "F3,900606410006,2016-04,SELF_EMPLOYMENT,12000"))}, "REJECT incomes.csv 6 MONTH_OUTSIDE_QUARTER", "DECISION F3 INCOMPLETE_DATA")
case("negative-amount", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, "F3,900606410006,2016-02,SELF_EMPLOYMENT,-12000"))}, "REJECT incomes.csv 6 NEGATIVE_AMOUNT")
case("amount-beyond-precision", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, "F3,900606410006,2016-02,SELF_EMPLOYMENT,1234567890123.00"))}, "REJECT incomes.csv 6 AMOUNT_TOO_LARGE")
case("comma-decimal", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, 'F3,900606410006,2016-02,SELF_EMPLOYMENT,"12000,50"'))}, "REJECT incomes.csv 6 BAD_NUMBER")
case("too-many-decimals", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, "F3,900606410006,2016-02,SELF_EMPLOYMENT,12000.505"))}, "REJECT incomes.csv 6 TOO_MANY_DECIMALS")
case("iin-with-letters", {"members.csv": text("members.csv", replaced("members.csv", 5, "F3,90060641000A,Сейітова,Дана,1990-06-06,HEAD,,false,false,false,false,2010-01-01,"))}, "REJECT members.csv 7 INVALID_IIN", "REJECT incomes.csv 6 UNKNOWN_MEMBER", "DECISION F3 INCOMPLETE_DATA")
case("iin-wrong-length", {"members.csv": text("members.csv", replaced("members.csv", 6, "F3,05070751000,Сейітов,Арман,2005-07-07,CHILD,,false,true,false,false,2010-01-01,"))}, "REJECT members.csv 8 INVALID_IIN")
case("iin-bad-check-digit", {"members.csv": text("members.csv", replaced("members.csv", 6, "F3,050707510003,Сейітов,Арман,2005-07-07,CHILD,,false,true,false,false,2010-01-01,"))}, "REJECT members.csv 8 IIN_CHECK_DIGIT", "DECISION F3 INCOMPLETE_DATA")
case("iin-date-mismatch-is-a-warning", {"members.csv": text("members.csv", replaced("members.csv", 6, "F3,050707510002,Сейітов,Арман,2005-07-08,CHILD,,false,true,false,false,2010-01-01,"))}, "WARN members.csv 8 IIN_BIRTH_DATE_MISMATCH")
case("unknown-region", {"families.csv": text("families.csv", replaced("families.csv", 1, "F2,99,Шу ауданы,URBAN,2016-03-20"))}, "REJECT families.csv 3 UNKNOWN_REGION",
     "REJECT members.csv 5 UNKNOWN_FAMILY", "REJECT members.csv 6 UNKNOWN_FAMILY", "REJECT incomes.csv 5 UNKNOWN_FAMILY")
case("unknown-income-type", {"incomes.csv": text("incomes.csv", replaced("incomes.csv", 4, "F3,900606410006,2016-02,SALARY,12000"))}, "REJECT incomes.csv 6 UNKNOWN_INCOME_TYPE")
case("unknown-relation", {"members.csv": text("members.csv", replaced("members.csv", 6, "F3,050707510002,Сейітов,Арман,2005-07-07,COUSIN,,false,true,false,false,2010-01-01,"))}, "REJECT members.csv 8 UNKNOWN_CODE")
case("unknown-settlement", {"families.csv": text("families.csv", replaced("families.csv", 1, "F2,31,Шу ауданы,SUBURBAN,2016-03-20"))}, "REJECT families.csv 3 UNKNOWN_CODE",
     "REJECT members.csv 5 UNKNOWN_FAMILY", "REJECT members.csv 6 UNKNOWN_FAMILY", "REJECT incomes.csv 5 UNKNOWN_FAMILY")
case("unknown-status-and-mode", {"contracts.csv": text("contracts.csv", ["C1,F1,2016-01-01,2016-01-01,2016-06-30,WEEKLY,ACTIVE", "C2,F3,,,,MONTHLY,REFUSED"])},
     "REJECT contracts.csv 2 UNKNOWN_CODE", "REJECT contracts.csv 3 UNKNOWN_CODE", "REJECT obligations.csv 2 UNKNOWN_CONTRACT", "REJECT obligations.csv 3 UNKNOWN_CONTRACT",
     "REJECT monitoring.csv 2 UNKNOWN_CONTRACT", "REJECT monitoring.csv 3 UNKNOWN_CONTRACT", "REJECT monitoring.csv 4 UNKNOWN_CONTRACT",
     "REJECT monitoring.csv 5 UNKNOWN_CONTRACT", "REJECT monitoring.csv 6 UNKNOWN_CONTRACT", "REJECT monitoring.csv 7 UNKNOWN_CONTRACT",
     "DECISION F1 INCOMPLETE_DATA", "DECISION F3 INCOMPLETE_DATA")
case("unknown-obligation-outcome-purpose", {"monitoring.csv": text("monitoring.csv", added("monitoring.csv", "C1,800101310003,2016-01,SHOPPING,MET,", "C1,100303510008,2016-01,SPENDING_REPORT,PERHAPS,", "C1,100303510008,2016-02,SPENDING_REPORT,MET,CASINO"))},
     "REJECT monitoring.csv 8 UNKNOWN_CODE", "REJECT monitoring.csv 9 UNKNOWN_CODE", "REJECT monitoring.csv 10 UNKNOWN_CODE", "DECISION F1 INCOMPLETE_DATA")
case("spending-purpose-on-other-obligation", {"monitoring.csv": text("monitoring.csv", replaced("monitoring.csv", 0, "C1,800101310003,2016-01,JOB_SEARCH,MET,LIVESTOCK"))}, "WARN monitoring.csv 2 SPENDING_PURPOSE_ON_OTHER_OBLIGATION")

# keys and references
case("duplicate-family", {"families.csv": text("families.csv", added("families.csv", "F1,11,Зеренді ауданы,RURAL,2016-03-21"))}, "REJECT families.csv 5 DUPLICATE_KEY", "DECISION F1 INCOMPLETE_DATA")
case("duplicate-member-in-another-family", {"members.csv": text("members.csv", added("members.csv", "F3,800101310003,Ахметов,Серік,1980-01-01,OTHER,,false,false,false,true,2010-01-01,"))}, "REJECT members.csv 9 DUPLICATE_KEY", "DECISION F3 INCOMPLETE_DATA", "DECISION F1 CCA")
case("duplicate-income", {"incomes.csv": text("incomes.csv", added("incomes.csv", "F1,800101310003,2016-02,WAGE,30000"))}, "REJECT incomes.csv 7 DUPLICATE_KEY", "DECISION F1 INCOMPLETE_DATA")
case("duplicate-contract", {"contracts.csv": text("contracts.csv", added("contracts.csv", "C1,F2,2016-01-01,2016-01-01,2016-06-30,MONTHLY,ACTIVE"))}, "REJECT contracts.csv 4 DUPLICATE_KEY", "DECISION F2 INCOMPLETE_DATA")
case("duplicate-obligation", {"obligations.csv": text("obligations.csv", added("obligations.csv", "C1,800101310003,JOB_SEARCH"))}, "REJECT obligations.csv 4 DUPLICATE_KEY", "DECISION F1 INCOMPLETE_DATA")
case("duplicate-monitoring", {"monitoring.csv": text("monitoring.csv", added("monitoring.csv", "C1,800101310003,2016-01,JOB_SEARCH,NOT_MET,"))}, "REJECT monitoring.csv 8 DUPLICATE_KEY", "DECISION F1 INCOMPLETE_DATA")
case("member-of-unknown-family", {"members.csv": text("members.csv", added("members.csv", "F9,751212310008,Ким,Олег,1975-12-12,HEAD,,false,false,false,false,2010-01-01,"))}, "REJECT members.csv 9 UNKNOWN_FAMILY")
case("income-of-unknown-member", {"incomes.csv": text("incomes.csv", added("incomes.csv", "F3,800101310003,2016-01,WAGE,500"))}, "REJECT incomes.csv 7 UNKNOWN_MEMBER", "DECISION F3 INCOMPLETE_DATA", "DECISION F1 CCA")
case("obligation-of-unknown-contract", {"obligations.csv": text("obligations.csv", added("obligations.csv", "C9,800101310003,TRAINING"))}, "REJECT obligations.csv 4 UNKNOWN_CONTRACT")
case("obligation-of-member-of-another-family", {"obligations.csv": text("obligations.csv", added("obligations.csv", "C1,900606410006,TRAINING"))}, "REJECT obligations.csv 4 UNKNOWN_MEMBER", "DECISION F1 INCOMPLETE_DATA")
case("monitoring-of-unknown-contract", {"monitoring.csv": text("monitoring.csv", added("monitoring.csv", "C9,800101310003,2016-01,JOB_SEARCH,MET,"))}, "REJECT monitoring.csv 8 UNKNOWN_CONTRACT")
case("monitoring-month-outside-quarter", {"monitoring.csv": text("monitoring.csv", added("monitoring.csv", "C1,800101310003,2015-12,JOB_SEARCH,MET,"))}, "REJECT monitoring.csv 8 MONTH_OUTSIDE_QUARTER", "DECISION F1 INCOMPLETE_DATA")
case("left-before-joined", {"members.csv": text("members.csv", replaced("members.csv", 1, "F1,820202410002,Ахметова,Айгүл,1982-02-02,SPOUSE,,false,false,true,false,2010-01-01,2009-12-31"))}, "REJECT members.csv 3 LEFT_BEFORE_JOINED", "DECISION F1 INCOMPLETE_DATA")
case("contract-not-month-aligned", {"contracts.csv": text("contracts.csv", replaced("contracts.csv", 0, "C1,F1,2016-01-15,2016-01-15,2016-06-30,MONTHLY,ACTIVE"))}, "REJECT contracts.csv 2 CONTRACT_NOT_MONTH_ALIGNED",
     "REJECT obligations.csv 2 UNKNOWN_CONTRACT", "REJECT obligations.csv 3 UNKNOWN_CONTRACT", "REJECT monitoring.csv 2 UNKNOWN_CONTRACT", "REJECT monitoring.csv 3 UNKNOWN_CONTRACT",
     "REJECT monitoring.csv 4 UNKNOWN_CONTRACT", "REJECT monitoring.csv 5 UNKNOWN_CONTRACT", "REJECT monitoring.csv 6 UNKNOWN_CONTRACT", "REJECT monitoring.csv 7 UNKNOWN_CONTRACT", "DECISION F1 INCOMPLETE_DATA")
case("contract-end-before-start", {"contracts.csv": text("contracts.csv", added("contracts.csv", "C3,F2,2016-01-01,2016-06-01,2016-05-31,MONTHLY,ACTIVE"))}, "REJECT contracts.csv 4 END_BEFORE_START", "DECISION F2 INCOMPLETE_DATA")
case("contract-longer-than-12-months", {"contracts.csv": text("contracts.csv", added("contracts.csv", "C3,F2,2016-01-01,2016-01-01,2017-01-31,MONTHLY,ACTIVE"))}, "REJECT contracts.csv 4 CONTRACT_TOO_LONG", "DECISION F2 INCOMPLETE_DATA")
case("overlapping-contracts", {"contracts.csv": text("contracts.csv", added("contracts.csv", "C3,F1,2016-03-01,2016-03-01,2016-08-31,LUMP_SUM,ACTIVE"))}, "REJECT contracts.csv 4 OVERLAPPING_CONTRACT", "DECISION F1 INCOMPLETE_DATA")

# issue 17: every value a file allows is either computed or rejected with its file, line and reason
def iin(birth, serial):
    """A valid IIN for a man born on birth (YYYY-MM-DD) in the 1900s: date digits, century digit 3, serial, check."""
    digits = birth[2:4] + birth[5:7] + birth[8:10] + "3" + "%04d" % serial
    for weights in ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(int(d) * w for d, w in zip(digits, weights)) % 11
        if check < 10:
            return digits + str(check)
    raise ValueError(digits)

LONG = "F" + "0" * 500  # 501 characters, one more than an id may have
AT_LIMIT = "F" + "0" * 499
case("id-longer-than-the-limit", {
    "families.csv": text("families.csv", added("families.csv", LONG + ",11,Зеренді ауданы,RURAL,2016-03-20")),
    "members.csv": text("members.csv", added("members.csv", LONG + "," + iin("1991-01-01", 1) + ",Нұрланов,Асқар,1991-01-01,HEAD,,false,false,false,false,2010-01-01,")),
    "incomes.csv": text("incomes.csv", added("incomes.csv", LONG + "," + iin("1991-01-01", 1) + ",2016-01,WAGE,1000", LONG + "," + iin("1991-01-01", 1) + ",2016-02,WAGE,-1"))},
    "REJECT families.csv 5 ID_TOO_LONG", "REJECT members.csv 9 ID_TOO_LONG", "REJECT incomes.csv 7 ID_TOO_LONG", "REJECT incomes.csv 8 ID_TOO_LONG")
case("id-at-the-limit-with-a-rejected-row", {
    "families.csv": text("families.csv", added("families.csv", AT_LIMIT + ",11,Зеренді ауданы,RURAL,2016-03-20")),
    "members.csv": text("members.csv", added("members.csv", AT_LIMIT + "," + iin("1991-01-01", 1) + ",Нұрланов,Асқар,1991-01-01,HEAD,,false,false,false,false,2010-01-01,")),
    "incomes.csv": text("incomes.csv", added("incomes.csv", AT_LIMIT + "," + iin("1991-01-01", 1) + ",2016-01,WAGE,1000", AT_LIMIT + "," + iin("1991-01-01", 1) + ",2016-02,WAGE"))},
    "REJECT incomes.csv 8 MALFORMED_LINE", "DECISION " + AT_LIMIT + " INCOMPLETE_DATA")
case("date-in-year-zero", {"members.csv": text("members.csv", replaced("members.csv", 4, "F2,120404610007,Иванова,Мария,0000-04-04,CHILD,,false,false,false,false,2012-04-04,"))}, "REJECT members.csv 6 DATE_OUT_OF_RANGE", "DECISION F2 INCOMPLETE_DATA")
COUNTED = ["WAGE", "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING", "PENSION", "DISABILITY_BENEFIT", "UNEMPLOYMENT_BENEFIT", "ALIMONY", "SCHOLARSHIP", "CHILD_BENEFIT", "OTHER"]
RICH = ["900606410006", "050707510002", iin("1970-01-01", 2), iin("1971-01-01", 3)]
# 4 members x 3 months x 10 counted types x 999,999,999,999.99: 119,999,999,999,998.80, past numeric(16,2)
case("counted-incomes-past-every-column", {
    "members.csv": text("members.csv", added("members.csv", "F3," + RICH[2] + ",Сейітов,Болат,1970-01-01,SPOUSE,,false,false,false,true,2010-01-01,", "F3," + RICH[3] + ",Сейітов,Ержан,1971-01-01,OTHER,,false,false,false,true,2010-01-01,")),
    "incomes.csv": text("incomes.csv", BASE["incomes.csv"][:4] + ["F3,%s,2016-%02d,%s,999999999999.99" % (m, month, t) for m in RICH for month in (1, 2, 3) for t in COUNTED])},
    "DECISION F3 ABOVE_LINE", "DECISION F1 CCA")
case("line-longer-than-the-limit", {"incomes.csv": text("incomes.csv", added("incomes.csv", "F3,900606410006,2016-03,WAGE," + "1" * (1 << 20)))}, "REJECT incomes.csv 7 LINE_TOO_LONG", "DECISION F3 INCOMPLETE_DATA")
# ids are opaque text: a separator inside an id never makes a second row or changes another row (issue 17)
CRAFTED_CONTRACT = "C9|2016-04-01|2016-09-30|LUMP_SUM|ACTIVE|;C8"
case("contract-id-carrying-a-second-contract", {"contracts.csv": text("contracts.csv", added("contracts.csv", CRAFTED_CONTRACT + ",F2,,,,MONTHLY,DECLINED"))},
     "DECISION F2 ASP_CONTRACT_DECLINED", "PAID F2 ASP 29862", "DECISION F1 CCA", "PAID F1 CCA 33438")
NOT_MET_JAN_FEB = ["C1,800101310003,2016-01,JOB_SEARCH,NOT_MET,", "C1,800101310003,2016-02,JOB_SEARCH,NOT_MET,"] + BASE["monitoring.csv"][2:]
CRAFTED_IIN = "x|2016-03|MEDICAL_CHECKUP|MET|;8|800101310003|2016-01|JOB_SEARCH|MET|;8|y"
case("monitoring-iin-carrying-a-second-report", {"monitoring.csv": text("monitoring.csv", NOT_MET_JAN_FEB + ["C1," + CRAFTED_IIN + ",2016-03,MEDICAL_CHECKUP,MET,"])},
     "WARN monitoring.csv 8 MONITORING_NOT_IN_PLAN", "FINDING C1 800101310003 JOB_SEARCH NOT_MET 2016-01;2016-02 WARNING",
     "DECISION F1 CCA", "PAID F1 CCA 33438")
case("separators-in-a-contract-id", {"contracts.csv": text("contracts.csv", added("contracts.csv", "C;3|x,F2,2016-01-01,2016-01-01,2016-06-30,MONTHLY,ACTIVE")),
                                     "obligations.csv": text("obligations.csv", added("obligations.csv", "C;3|x,120404610007,MEDICAL_CHECKUP")),
                                     "monitoring.csv": text("monitoring.csv", added("monitoring.csv", "C;3|x,120404610007,2016-01,MEDICAL_CHECKUP,NOT_MET,", "C;3|x,120404610007,2016-02,MEDICAL_CHECKUP,NOT_MET,", "C;3|x,120404610007,2016-03,MEDICAL_CHECKUP,MET,"))},
     "DECISION F2 CCA", "PAID F2 CCA 57291", "FINDING C;3|x 120404610007 MEDICAL_CHECKUP NOT_MET 2016-01;2016-02 WARNING",
     "DECISION F1 CCA", "PAID F1 CCA 33438")
# reference overrides: checked whole before anything is written (exit 2 naming file, line and reason)
SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "main", "resources", "reference")
def shipped(name, *extra, drop=()):
    lines = open(os.path.join(SHIPPED, name), encoding="utf-8").read().splitlines()
    return ("\n".join([l for l in lines if l not in drop] + list(extra)) + "\n").encode("utf-8")
case("reference-duplicate-region", {"regions.csv": shipped("regions.csv", "11,Ақмола,Акмолинская,Akmola again,2014-04-01")}, "EXIT2 regions.csv line 18: region_code 11 appears again (first on line 2)")
case("reference-duplicate-subsistence-minimum", {"subsistence-minimum.csv": b"region_code,quarter,amount\n11,2016Q1,22100.00\n31,2016Q1,21500.00\n31,2016Q1,25000.00\n"}, "EXIT2 subsistence-minimum.csv line 4: region_code and quarter 31 2016Q1 appears again (first on line 3)")
case("reference-duplicate-income-type", {"income-types.csv": shipped("income-types.csv", "WAGE,false,2014-01-01")}, "EXIT2 income-types.csv line 17: income_type and valid_from WAGE 2014-01-01 appears again (first on line 2)")
case("reference-duplicate-rule", {"rules.csv": shipped("rules.csv", "asp_share,0.45,2014-01-01")}, "EXIT2 rules.csv line 14: parameter and valid_from asp_share 2014-01-01 appears again (first on line 2)")
case("reference-subsistence-minimum-too-large", {"subsistence-minimum.csv": b"region_code,quarter,amount\n11,2016Q1,22100.00\n31,2016Q1,1000000000000.00\n"}, "EXIT2 subsistence-minimum.csv line 3: amount 1000000000000.00 is too large")
case("reference-subsistence-minimum-zero", {"subsistence-minimum.csv": b"region_code,quarter,amount\n11,2016Q1,22100.00\n31,2016Q1,0.00\n"}, "EXIT2 subsistence-minimum.csv line 3: amount '0.00' is not a positive amount")
case("reference-share-above-one", {"rules.csv": shipped("rules.csv", "asp_share,5.0,2016-01-01")}, "EXIT2 rules.csv line 14: asp_share 5.0 is outside (0, 1]")
case("reference-share-zero", {"rules.csv": shipped("rules.csv", "cca_share,0,2016-01-01")}, "EXIT2 rules.csv line 14: cca_share 0 is outside (0, 1]")
case("reference-asp-above-cca", {"rules.csv": shipped("rules.csv", "asp_share,0.65,2016-01-01")}, "EXIT2 rules.csv line 14: from 2016-01-01 asp_share 0.65 (line 14) would exceed cca_share 0.60 (line 3)")
case("reference-misspelt-parameter", {"rules.csv": shipped("rules.csv", "terminate_after_failure,3,2016-01-01")}, "EXIT2 rules.csv line 14: unknown parameter 'terminate_after_failure'")
case("reference-negative-termination-count", {"rules.csv": shipped("rules.csv", "terminate_after_failures,-1,2016-01-01")}, "EXIT2 rules.csv line 14: terminate_after_failures -1 is below the least allowed value 1")
case("reference-zero-failure-months", {"rules.csv": shipped("rules.csv", "failure_months,0,2016-01-01")}, "EXIT2 rules.csv line 14: failure_months 0 is below the least allowed value 1")
case("reference-negative-suppression", {"rules.csv": shipped("rules.csv", "suppress_below,-5,2016-01-01")}, "EXIT2 rules.csv line 14: suppress_below -5 is below the least allowed value 0")
case("reference-count-not-a-number", {"rules.csv": shipped("rules.csv", "failure_months,two,2016-01-01")}, "EXIT2 rules.csv line 14: failure_months 'two' is not a whole number")
case("reference-unknown-forbidden-purpose", {"rules.csv": shipped("rules.csv", "forbidden_purposes,DEBT;CASINO,2016-01-01")}, "EXIT2 rules.csv line 14: forbidden_purposes names unknown value(s) CASINO")
case("reference-date-in-year-0", {"rules.csv": shipped("rules.csv", "suppress_below,3,0016-01-01")}, "EXIT2 rules.csv line 14: valid_from 0016-01-01 is not a year from 1900 to 2999")

here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "base")
shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
for name in H:
    open(os.path.join(base, name), "wb").write(text(name, BASE[name]))
cases = os.path.join(here, "cases")
shutil.rmtree(cases, ignore_errors=True)
for name, (files, expect) in CASES.items():
    d = os.path.join(cases, name); os.makedirs(d)
    for f, content in files.items():
        open(os.path.join(d, f), "wb").write(content)
    open(os.path.join(d, "expect.txt"), "w").write("".join(e + "\n" for e in expect))
print(len(CASES), "cases")
