package kz.orleu.benefits.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.Test;

class SqlArraysTest {

    /** Ids are opaque text: whatever characters they hold, an element must come back exactly as it went in. */
    private static final List<String> HOSTILE = Arrays.asList("plain", "", " ", " padded ", "NULL", "null", null,
            "a,b", "{x}", "}", "{", "\"", "\"quoted\"", "back\\slash", "\\\"", "tab\there", "new\nline", "Қазақ",
            "семья;1|2", "=1+2", "'");

    @Test
    void textElementsComeBackAsTheyWentIntoTheDatabase() throws Exception {
        Random random = new Random(7);
        List<List<String>> arrays = new ArrayList<>();
        arrays.add(HOSTILE);
        arrays.add(List.of());
        for (int n = 0; n < 200; n++) {
            List<String> array = new ArrayList<>();
            for (int k = random.nextInt(6); k > 0; k--) {
                array.add(HOSTILE.get(random.nextInt(HOSTILE.size())));
            }
            arrays.add(array);
        }
        try (Connection db = connection();
                PreparedStatement select = db.prepareStatement("select ?::text[] as a")) {
            for (List<String> array : arrays) {
                select.setArray(1, db.createArrayOf("text", array.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(SqlArrays.texts(rs, "a")).as(array.toString()).containsExactlyElementsOf(array);
                }
            }
        }
    }

    @Test
    void numbersBooleansAndDatesAsTheDatabaseWritesThem() throws Exception {
        try (Connection db = connection(); ResultSet rs = db.createStatement().executeQuery("""
                select array[1, null, -7]::int[] as i, array[9007199254740993, 0]::bigint[] as l,
                       array[true, null, false] as b, array['2016-04-01', null, '0001-12-31']::date[] as d,
                       null::date[] as none""")) {
            rs.next();
            assertThat(SqlArrays.integers(rs, "i")).containsExactly(1, null, -7);
            assertThat(SqlArrays.longs(rs, "l")).containsExactly(9007199254740993L, 0L);
            assertThat(SqlArrays.booleans(rs, "b")).containsExactly(true, null, false);
            assertThat(SqlArrays.dates(rs, "d")).containsExactly(LocalDate.of(2016, 4, 1), null,
                    LocalDate.of(1, 12, 31));
            assertThat(SqlArrays.dates(rs, "none")).isEmpty();
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(TestDatabase.freshDatabase("sql_arrays"),
                TestDatabase.user(), TestDatabase.password());
    }
}
