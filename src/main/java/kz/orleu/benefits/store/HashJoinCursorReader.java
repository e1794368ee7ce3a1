package kz.orleu.benefits.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.RowMapper;

/**
 * A cursor over a query whose row estimates PostgreSQL cannot get right, run with nested loops off for its own
 * transaction only ({@code SET LOCAL}, undone when the cursor's transaction ends at close). A partition's range
 * of {@code hashtext(family_id)} is a condition on an expression without statistics: PostgreSQL guesses a few
 * hundred contracts where there are 40,000 and joins them to their families by nested loops, 870 million
 * comparisons at 1,000,000 families (judgeCompliance took 195 s a partition; with hash joins 2.8 s).
 */
public final class HashJoinCursorReader<T> extends JdbcCursorItemReader<T> {

    public HashJoinCursorReader(DataSource dataSource, String sql, RowMapper<T> rowMapper) {
        super(dataSource, sql, rowMapper);
        setConnectionAutoCommit(false);
    }

    @Override
    protected void openCursor(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local enable_nestloop = off");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot set up the cursor's plan: " + e.getMessage(), e);
        }
        super.openCursor(connection);
    }
}
